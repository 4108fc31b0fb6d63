package org.registrar.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.metrics.MetricsSample;

/**
 * The Health screen: this desktop's statements, latency, pool and cache charted each second from the sampler's
 * history (kept while the screen is hidden), the operations and slowest statements, and the server's sessions
 * polled only while the screen is visible.
 */
public final class HealthView {
    private final HealthViewModel model;
    private final ServerViewModel server;
    private final SplitPane root;
    private final List<TimeChart> charts;
    private final RedrawTimes redraws = new RedrawTimes();
    private final Label redrawLabel = new Label();
    private final Timeline refresh;
    private final Timeline poll;
    private HealthViewModel.Range drawnRange;

    private final DialogService dialogs;

    /** The screen over its two models; the file choosers and the signal confirmation go through {@code dialogs}. */
    public HealthView(HealthViewModel model, ServerViewModel server, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.server = server;
        charts = HealthCharts.all(model.hasCaches());
        charts.forEach(chart -> chart.setOnContextMenuRequested(
                event -> pngMenu(chart).show(chart, event.getScreenX(), event.getScreenY())));
        VBox top = new VBox(8, header(), chartGrid());
        top.setPadding(new Insets(16, 16, 8, 16));
        root = new SplitPane(top, tabs());
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.62);
        root.getStyleClass().addAll("screen", "health");
        root.getStylesheets()
                .add(HealthView.class
                        .getResource("/org/registrar/health/health.css")
                        .toExternalForm());
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), event -> redraw()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        poll = new Timeline(
                new KeyFrame(Duration.millis(server.settings().pollEvery().toMillis()), event -> server.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        model.pausedProperty().addListener((obs, was, paused) -> redraw());
        model.rangeProperty().addListener((obs, was, range) -> redraw());
        root.sceneProperty()
                .flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty)
                .orElse(false)
                .addListener((obs, was, visible) -> visibilityChanged(visible));
        redraw();
    }

    private Node header() {
        Label title = new Label("Health");
        title.getStyleClass().add("title-2");
        Label now = new Label();
        now.setId("health-now");
        now.textProperty().bind(model.nowProperty());
        now.getStyleClass().add("text-muted");
        ToggleGroup ranges = new ToggleGroup();
        HBox rangeButtons = new HBox();
        rangeButtons.getStyleClass().add("segmented");
        for (HealthViewModel.Range range : HealthViewModel.Range.values()) {
            ToggleButton button = new ToggleButton(range.label());
            button.setId("range-" + range.name().toLowerCase());
            button.setToggleGroup(ranges);
            button.setSelected(range == model.rangeProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                model.rangeProperty().set(range);
            });
            rangeButtons.getChildren().add(button);
        }
        ToggleButton pause = new ToggleButton();
        pause.setId("pause-charts");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty()
                .bind(javafx.beans.binding.Bindings.when(pause.selectedProperty())
                        .then("Resume")
                        .otherwise("Pause"));
        Button export = new Button("Export CSV…");
        export.setId("export-csv");
        export.setOnAction(event -> chooseCsv());
        redrawLabel.setId("redraw-cost");
        redrawLabel.getStyleClass().add("text-muted");
        Label message = new Label();
        message.setId("health-message");
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, rangeButtons, pause, export, message, spacer, redrawLabel);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, new HBox(12, title), now, tools);
    }

    private Node chartGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        for (int column = 0; column < 3; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(constraints);
        }
        for (int index = 0; index < charts.size(); index++) {
            grid.add(charts.get(index), index % 3, index / 3);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        return grid;
    }

    private Node tabs() {
        TabPane tabs = new TabPane(
                new Tab("Server", new ServerPane(server, dialogs).root()),
                new Tab("Operations", HealthTables.operations(model.operations())),
                new Tab("Slowest statements", HealthTables.slowest(model.slowest())),
                new Tab("Events", HealthTables.events(model.events())));
        tabs.setId("health-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private void visibilityChanged(boolean visible) {
        if (visible) {
            refresh.play();
            server.poll();
            poll.play();
            redraw();
        } else {
            refresh.stop();
            poll.stop();
        }
    }

    /**
     * Redraws the charts if new samples came in, timing the canvas drawing alone and the whole update: model
     * refresh, drawing, and a forced CSS and layout pass of the screen (which restyles every node, tables included;
     * the rasterising on the render thread is in neither figure).
     */
    void redraw() {
        long start = System.nanoTime();
        if (!model.refresh() && drawnRange == model.rangeProperty().get()) {
            return;
        }
        HealthViewModel.Frame frame = model.frame(Instant.now());
        long chartsStart = System.nanoTime();
        charts.forEach(chart -> chart.show(frame));
        long chartNanos = System.nanoTime() - chartsStart;
        drawnRange = frame.range();
        root.applyCss();
        root.layout();
        redraws.add(chartNanos, System.nanoTime() - start);
        redrawLabel.setText(redraws.describe());
    }

    private ContextMenu pngMenu(TimeChart chart) {
        MenuItem save = new MenuItem("Save chart as PNG…");
        save.setOnAction(event -> dialogs.chooseFileToSave(new FileRequest(
                        "Save chart as PNG",
                        chart.title().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".png",
                        null,
                        List.of()))
                .ifPresent(file -> savePng(chart, file)));
        return new ContextMenu(save);
    }

    /** Writes a picture of {@code chart} as PNG (small: a few KB, so written on the FX thread). */
    void savePng(TimeChart chart, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(chart.picture(), null), "png", file.toFile());
            model.reportMessage("Saved " + file);
        } catch (IOException | UncheckedIOException error) {
            model.reportMessage("Could not save " + file + ": " + error.getMessage());
        }
    }

    private void chooseCsv() {
        dialogs.chooseFileToSave(new FileRequest("Export samples as CSV", "registrar-health.csv", null, List.of()))
                .ifPresent(model::exportCsv);
    }

    List<TimeChart> charts() {
        return charts;
    }

    RedrawTimes redrawTimes() {
        return redraws;
    }

    /** The newest sample drawn, for hover tests. */
    MetricsSample newest() {
        List<MetricsSample> samples = model.frame(Instant.now()).samples();
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    public Parent root() {
        return root;
    }
}
