package org.registrar.app;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows before the database is ready: progress while starting, choices when it failed. Once a
 * failure has been shown the buttons stay where they are through every retry (Retry is off while an attempt runs),
 * and the message keeps its height, so nothing jumps under the pointer.
 */
final class StartupView {
    /** Room for the longest message (a failure, and the retry line under it) without the card changing height. */
    private static final double MESSAGE_HEIGHT = 110;

    private final StackPane root = new StackPane();
    private final Label heading = new Label("Registrar");
    private final Label target = new Label();
    private final Label message = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button retry;
    private final Button useEmbedded;
    private final HBox actions;

    StartupView(Runnable retryNow, Runnable editConnection, Runnable useEmbedded, Runnable quit) {
        heading.getStyleClass().add("title-1");
        target.getStyleClass().add("text-muted");
        target.setId("startup-target");
        message.setId("startup-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setMinHeight(MESSAGE_HEIGHT);
        message.setAlignment(Pos.TOP_CENTER);
        message.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        spinner.setPrefSize(48, 48);
        spinner.setMinSize(48, 48);
        retry = button("Retry", "retry", retryNow);
        this.useEmbedded = button("Use embedded demo database", "use-embedded", useEmbedded);
        actions = new HBox(
                8,
                retry,
                button("Connection settings…", "connection-settings", editConnection),
                this.useEmbedded,
                button("Quit", "quit", quit));
        actions.setId("startup-actions");
        actions.setAlignment(Pos.CENTER);
        // hidden only before the first failure; never taken out of the layout, so the card keeps its shape
        actions.setVisible(false);
        VBox card = new VBox(16, heading, target, spinner, message, actions);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(640);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.getStyleClass().add("startup-card");
        root.getChildren().add(card);
        root.getStyleClass().add("startup");
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
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
        message.textProperty().bind(steps);
        message.getStyleClass().remove("danger");
        spinner.setVisible(true);
        retry.setDisable(true);
    }

    void showFailure(String what, String reason) {
        target.setText(what);
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
        message.setText(message.getText() + "\nRegistrar tries again every " + seconds(every)
                + " and opens as soon as the server answers.");
    }

    /** The connection form is open over this screen: say that the automatic retry waits for it. */
    void showRetryPaused() {
        if (message.textProperty().isBound() || !message.getText().contains("tries again every")) {
            return;
        }
        message.setText(message.getText().replaceFirst("\nRegistrar tries again every .*$", "")
                + "\nAutomatic retry paused while the connection settings are open.");
    }

    /** New settings were saved in the running window: the old connection closes first. */
    void showClosing(String what) {
        target.setText(what);
        message.textProperty().unbind();
        message.getStyleClass().remove("danger");
        message.setText("Closing the connection to " + what + "…");
        spinner.setVisible(true);
        retry.setDisable(true);
    }

    private static String seconds(java.time.Duration every) {
        return every.toMillis() % 1000 == 0 ? every.toSeconds() + " s" : every.toMillis() + " ms";
    }
}
