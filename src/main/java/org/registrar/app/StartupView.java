package org.registrar.app;

import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * What the window shows before the database is ready: progress while starting, choices when it failed. Once a
 * failure has been shown the buttons stay where they are through every retry (Retry is off while an attempt runs),
 * and the message keeps its height, so nothing jumps under the pointer. Its layout is StartupView.fxml; the buttons
 * wrap onto a second line where the language's words need it.
 */
final class StartupView {
    private final Parent root;
    private final Runnable retryNow;
    private final Runnable editConnection;
    private final Runnable useEmbeddedNow;
    private final Runnable quitNow;
    /** The failure shown, without the retry line under it. */
    private String reason = "";

    private boolean countingDown;

    @FXML
    private Label target;

    @FXML
    private Label message;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private Button retry;

    @FXML
    private Button useEmbedded;

    @FXML
    private FlowPane actions;

    StartupView(Runnable retryNow, Runnable editConnection, Runnable useEmbedded, Runnable quit) {
        this.retryNow = retryNow;
        this.editConnection = editConnection;
        this.useEmbeddedNow = useEmbedded;
        this.quitNow = quit;
        root = Fxml.load(this);
    }

    @FXML
    private void retry() {
        retryNow.run();
    }

    @FXML
    private void editConnection() {
        editConnection.run();
    }

    @FXML
    private void useEmbedded() {
        useEmbeddedNow.run();
    }

    @FXML
    private void quit() {
        quitNow.run();
    }

    /** Offers the embedded demo database only where the machine-wide settings allow it (demo.allowed). */
    void offerDemo(boolean allowed) {
        useEmbedded.setVisible(allowed);
        useEmbedded.setManaged(allowed);
    }

    Parent root() {
        return root;
    }

    /** An attempt is under way: its steps show; the buttons, once shown, stay (Retry is off until it ends). */
    void showProgress(String what, ObservableValue<String> steps) {
        target.setText(what);
        countingDown = false;
        message.textProperty().bind(steps);
        message.getStyleClass().remove("danger");
        spinner.setVisible(true);
        retry.setDisable(true);
    }

    void showFailure(String what, String reason) {
        target.setText(what);
        this.reason = reason;
        countingDown = false;
        message.textProperty().unbind();
        message.setText(reason);
        if (!message.getStyleClass().contains("danger")) {
            message.getStyleClass().add("danger");
        }
        spinner.setVisible(false);
        retry.setDisable(false);
        actions.setVisible(true);
    }

    void showRetryCountdown(java.time.Duration every) {
        countingDown = true;
        message.setText(reason + "\n" + Messages.text("shell.startup.retrying", seconds(every)));
    }

    /** The connection form is open over this screen: say that the automatic retry waits for it. */
    void showRetryPaused() {
        if (message.textProperty().isBound() || !countingDown) {
            return;
        }
        showRetryWaiting();
    }

    /** An attempt failed while the connection form is open: the automatic retry waits for the form. */
    void showRetryWaiting() {
        countingDown = false;
        message.setText(reason + "\n" + Messages.text("shell.startup.paused"));
    }

    /** New settings were saved in the running window: the old connection closes first. */
    void showClosing(String what) {
        target.setText(what);
        countingDown = false;
        message.textProperty().unbind();
        message.getStyleClass().remove("danger");
        message.setText(Messages.text("shell.startup.closing", what));
        spinner.setVisible(true);
        retry.setDisable(true);
    }

    private static String seconds(java.time.Duration every) {
        return every.toMillis() % 1000 == 0
                ? Messages.text("shell.startup.seconds", every.toSeconds())
                : Messages.text("shell.startup.millis", every.toMillis());
    }
}
