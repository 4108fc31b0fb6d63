package org.registrar.app;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uncaught errors: logged with their stack to the log file, shown to the user as a readable dialog. One dialog at a
 * time: an error that repeats (a painter failing each pulse, a background task failing again and again) would
 * otherwise stack dialog upon dialog, each to be closed; while one is open, the errors after it are counted in it.
 * The dialog and its count belong to the FX thread.
 */
final class ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    /** The dialog showing, or null. */
    private Alert open;
    /** What the open dialog says of its error, before the count of the errors after it. */
    private String said;
    /** The errors that came while the dialog was open. */
    private int more;

    private ErrorReporter() {}

    static void install() {
        ErrorReporter reporter = new ErrorReporter();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught error on {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                reporter.report(error);
            } else {
                Platform.runLater(() -> reporter.report(error));
            }
        });
    }

    private void report(Throwable error) {
        if (open == null) {
            show(error);
        } else {
            more++;
            open.setContentText(said + "\n\n" + Messages.text("messages.alert.more", more));
            grow(open.getDialogPane());
        }
    }

    /**
     * The dialog grows by the line it gained, so nothing of it is cut. Not sizeToScene: the pane's preferred height
     * is measured at its preferred width, wider than the dialog shows its text, so the wrapped line would not count.
     */
    private static void grow(DialogPane pane) {
        double wanted = pane.prefHeight(pane.getWidth());
        if (wanted > pane.getHeight()) {
            Window window = pane.getScene().getWindow();
            window.setHeight(window.getHeight() + wanted - pane.getHeight());
        }
    }

    private void show(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(Messages.text("messages.alert.title"));
        alert.setHeaderText(Messages.text("messages.alert.wentWrong"));
        said = Messages.text(
                "messages.alert.details",
                DatabaseErrors.describe(error),
                System.getProperty("registrar.logDir", Messages.text("messages.alert.noLogFolder")));
        alert.setContentText(said);
        TextArea details = new TextArea(error.toString());
        details.setEditable(false);
        details.setWrapText(true);
        alert.getDialogPane().setExpandableContent(details);
        alert.setOnHidden(event -> {
            open = null;
            more = 0;
        });
        open = alert;
        alert.show();
    }
}
