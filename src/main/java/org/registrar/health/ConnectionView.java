package org.registrar.health;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Connection screen: which server this desktop uses, whether it is healthy (the same checks as
 * {@code registrar doctor}), and what the database holds. Binds to {@link ConnectionViewModel} only.
 */
public final class ConnectionView {
    private final VBox root;

    public ConnectionView(ConnectionViewModel model, Runnable editConnection) {
        Label title = new Label("Connection");
        title.getStyleClass().add("title-2");
        Label target = new Label(model.target());
        target.getStyleClass().add("text-muted");

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        model.healthyProperty().addListener((obs, was, healthy) -> verdict.getStyleClass()
                .setAll("label", "verdict", healthy ? "success" : "danger"));

        Label details = new Label();
        details.setId("diagnostics");
        details.getStyleClass().add("monospace");
        details.textProperty().bind(model.detailsProperty());

        Label dataHeading = new Label("Data");
        dataHeading.getStyleClass().add("title-4");
        Label data = new Label();
        data.setId("data-summary");
        data.textProperty().bind(model.dataProperty());

        Label appNameHeading = new Label("This desktop appears in pg_stat_activity as");
        appNameHeading.getStyleClass().add("title-4");
        Label appName = new Label(model.applicationName());
        appName.getStyleClass().add("monospace");

        Button check = new Button("Check again");
        check.setId("check-again");
        check.setDefaultButton(true);
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(event -> model.refresh());
        Button settings = new Button("Connection settings…");
        settings.setId("open-connection-settings");
        settings.setOnAction(event -> editConnection.run());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());

        root = new VBox(
                12,
                new VBox(2, title, target),
                verdict,
                details,
                dataHeading,
                data,
                appNameHeading,
                appName,
                new HBox(8, check, settings, spinner));
        root.setPadding(new Insets(24));
        root.getStyleClass().add("screen");
        model.refresh();
    }

    public Parent root() {
        return root;
    }
}
