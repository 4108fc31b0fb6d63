package org.registrar.app;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Uncaught errors: logged with their stack to the log file, shown to the user as a readable dialog. */
final class ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    private ErrorReporter() {}

    static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught error on {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                show(error);
            } else {
                Platform.runLater(() -> show(error));
            }
        });
    }

    private static void show(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(Messages.text("shell.brand"));
        alert.setHeaderText(Messages.text("shell.error.header"));
        alert.setContentText(Messages.text(
                "shell.error.text",
                DatabaseErrors.describe(error),
                System.getProperty("registrar.logDir", Messages.text("shell.error.no-folder"))));
        TextArea details = new TextArea(error.toString());
        details.setEditable(false);
        details.setWrapText(true);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
