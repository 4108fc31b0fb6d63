package org.registrar.health;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Connection screen: which server this desktop uses, "Test connection" step by step (the same checks as
 * {@code registrar doctor}), the report to copy for a support ticket, and what the database holds. Binds to
 * {@link ConnectionViewModel} only.
 */
public final class ConnectionView {
    private final VBox root;
    private final GridPane stepGrid = new GridPane();

    public ConnectionView(ConnectionViewModel model, Runnable editConnection) {
        Label title = new Label("Connection");
        title.getStyleClass().add("title-2");
        Label target = new Label(model.target());
        target.getStyleClass().add("text-muted");

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        model.healthyProperty()
                .addListener((obs, was, healthy) ->
                        verdict.getStyleClass().setAll("label", "verdict", healthy ? "success" : "danger"));

        stepGrid.setId("diagnostic-steps");
        stepGrid.setHgap(16);
        stepGrid.setVgap(4);
        ColumnConstraints detailColumn = new ColumnConstraints();
        detailColumn.setHgrow(Priority.ALWAYS);
        stepGrid.getColumnConstraints()
                .setAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(), detailColumn);
        model.steps().addListener((ListChangeListener<DiagnosticStep>) change -> showSteps(model));

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

        Button check = new Button("Test connection");
        check.setId("check-again");
        check.setDefaultButton(true);
        check.disableProperty().bind(model.busyProperty());
        check.setOnAction(event -> model.refresh());
        Button copy = new Button("Copy report");
        copy.setId("copy-report");
        copy.disableProperty().bind(model.reportTextProperty().isEmpty());
        Label copied = new Label();
        copied.getStyleClass().add("text-muted");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.reportTextProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Report copied: paste it into the support ticket.");
        });
        model.reportTextProperty().addListener((obs, was, now) -> copied.setText(""));
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
                stepGrid,
                details,
                new HBox(8, check, copy, settings, spinner, copied),
                dataHeading,
                data,
                appNameHeading,
                appName);
        root.setPadding(new Insets(24));
        root.getStyleClass().add("screen");
        model.refresh();
    }

    private void showSteps(ConnectionViewModel model) {
        stepGrid.getChildren().clear();
        int row = 0;
        for (DiagnosticStep step : model.steps()) {
            Label outcome = new Label(step.outcome().label());
            outcome.getStyleClass().add(outcomeStyle(step.outcome()));
            Label time = new Label(step.time());
            time.getStyleClass().add("monospace");
            time.setMinWidth(80);
            Label detail = new Label(step.detail());
            detail.setWrapText(true);
            stepGrid.addRow(row++, new Label(step.name()), outcome, time, detail);
        }
    }

    private static String outcomeStyle(DiagnosticStep.Outcome outcome) {
        return switch (outcome) {
            case OK -> "success";
            case FAILED -> "danger";
            case NOT_USED, SKIPPED -> "text-muted";
        };
    }

    public Parent root() {
        return root;
    }
}
