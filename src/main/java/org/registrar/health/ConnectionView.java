package org.registrar.health;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The Connection screen: which server this desktop uses, "Test connection" step by step (the same checks as
 * {@code registrar doctor}), the report to copy for a support ticket, and what the database holds. Binds to
 * {@link ConnectionViewModel} only. Its layout is ConnectionView.fxml; the steps are filled here.
 */
public final class ConnectionView {
    private final Parent root;
    private final ConnectionViewModel model;
    private final Runnable editConnection;

    @FXML
    private Label target;

    @FXML
    private Label verdict;

    @FXML
    private GridPane stepGrid;

    @FXML
    private Label details;

    @FXML
    private Label data;

    @FXML
    private Label appName;

    @FXML
    private Button check;

    @FXML
    private Button copy;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private Label copied;

    public ConnectionView(ConnectionViewModel model, Runnable editConnection) {
        this.model = model;
        this.editConnection = editConnection;
        root = Fxml.load(this);
        target.setText(model.target());
        verdict.textProperty().bind(model.verdictProperty());
        model.healthyProperty()
                .addListener((obs, was, healthy) ->
                        verdict.getStyleClass().setAll("label", "verdict", healthy ? "success" : "danger"));
        model.steps().addListener((ListChangeListener<DiagnosticStep>) change -> showSteps());
        details.textProperty().bind(model.detailsProperty());
        data.textProperty().bind(model.dataProperty());
        appName.setText(model.applicationName());
        check.disableProperty().bind(model.busyProperty());
        copy.disableProperty().bind(model.reportTextProperty().isEmpty());
        model.reportTextProperty().addListener((obs, was, now) -> copied.setText(""));
        spinner.visibleProperty().bind(model.busyProperty());
        model.refresh();
    }

    @FXML
    private void check() {
        model.refresh();
    }

    @FXML
    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.reportTextProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(Messages.text("health.connection.copied"));
    }

    @FXML
    private void settings() {
        editConnection.run();
    }

    private void showSteps() {
        stepGrid.getChildren().clear();
        int row = 0;
        for (DiagnosticStep step : model.steps()) {
            Label name = new Label(step.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label outcome = new Label(step.outcome().label());
            outcome.getStyleClass().add(outcomeStyle(step.outcome()));
            outcome.setMinWidth(Region.USE_PREF_SIZE);
            Label time = new Label(step.time());
            time.getStyleClass().add("monospace");
            time.setMinWidth(80);
            Label detail = new Label(step.detail());
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            stepGrid.addRow(row++, name, outcome, time, detail);
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
