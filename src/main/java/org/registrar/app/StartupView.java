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

/** What the window shows before the database is ready: progress while starting, choices when it failed. */
final class StartupView {
    private final StackPane root = new StackPane();
    private final Label heading = new Label("Registrar");
    private final Label target = new Label();
    private final Label message = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final HBox actions;

    StartupView(Runnable retry, Runnable editConnection, Runnable useEmbedded, Runnable quit) {
        heading.getStyleClass().add("title-1");
        target.getStyleClass().add("text-muted");
        message.setId("startup-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        spinner.setPrefSize(48, 48);
        actions = new HBox(
                8,
                button("Retry", "retry", retry),
                button("Connection settings…", "connection-settings", editConnection),
                button("Use embedded demo database", "use-embedded", useEmbedded),
                button("Quit", "quit", quit));
        actions.setAlignment(Pos.CENTER);
        VBox card = new VBox(16, heading, target, spinner, message, actions);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(640);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        spinner.managedProperty().bind(spinner.visibleProperty());
        actions.managedProperty().bind(actions.visibleProperty());
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

    Parent root() {
        return root;
    }

    void showProgress(String what, ObservableValue<String> steps) {
        target.setText(what);
        message.textProperty().bind(steps);
        message.getStyleClass().remove("danger");
        spinner.setVisible(true);
        actions.setVisible(false);
    }

    void showFailure(String what, String reason) {
        target.setText(what);
        message.textProperty().unbind();
        message.setText(reason);
        if (!message.getStyleClass().contains("danger")) {
            message.getStyleClass().add("danger");
        }
        spinner.setVisible(false);
        actions.setVisible(true);
    }

    void showRetryCountdown(java.time.Duration every) {
        message.setText(message.getText() + "\nRegistrar tries again every " + every.toSeconds()
                + " s and opens as soon as the server answers.");
    }
}
