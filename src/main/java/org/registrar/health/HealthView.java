package org.registrar.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;
import org.registrar.ui.Fxml;

/**
 * The Health screen: this desktop's statements, latency, pool and cache charted each second from the sampler's
 * history (kept while the screen is hidden), the operations and slowest statements, and the server's sessions
 * polled only while the screen is visible. Its frame is HealthView.fxml; the charts and tables are added here.
 */
public final class HealthView {
    private final HealthViewModel model;
    private final ServerViewModel server;
    private final SplitPane root;
    private final List<TimeChart> charts;
    private final RedrawTimes redraws = new RedrawTimes();
    private final Timeline refresh;
    private final Timeline poll;
    private HealthViewModel.Range drawnRange;

    private final DialogService dialogs;

    @FXML
    private Label now;

    @FXML
    private HBox rangeButtons;

    @FXML
    private ToggleButton pause;

    @FXML
    private Label message;

    @FXML
    private Label redrawLabel;

    @FXML
    private GridPane chartGrid;

    @FXML
    private Tab serverTab;

    @FXML
    private Tab operationsTab;

    @FXML
    private Tab slowestTab;

    @FXML
    private Tab eventsTab;

    /** The screen over its two models; the file choosers and the signal confirmation go through {@code dialogs}. */
    public HealthView(HealthViewModel model, ServerViewModel server, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.server = server;
        charts = HealthCharts.all(model.hasCaches());
        charts.forEach(chart -> chart.setOnContextMenuRequested(
                event -> pngMenu(chart).show(chart, event.getScreenX(), event.getScreenY())));
        root = Fxml.load(this);
        header();
        for (int index = 0; index < charts.size(); index++) {
            chartGrid.add(charts.get(index), index % 3, index / 3);
        }
        serverTab.setContent(new ServerPane(server, dialogs).root());
        operationsTab.setContent(HealthTables.operations(model.operations()));
        slowestTab.setContent(HealthTables.slowest(model.slowest()));
        eventsTab.setContent(HealthTables.events(model.events()));
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

    private void header() {
        now.textProperty().bind(model.nowProperty());
        ToggleGroup ranges = new ToggleGroup();
        for (HealthViewModel.Range range : HealthViewModel.Range.values()) {
            ToggleButton button = new ToggleButton(range.label());
            button.setId("range-" + range.name().toLowerCase());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setToggleGroup(ranges);
            button.setSelected(range == model.rangeProperty().get());
            button.setOnAction(event -> {
                button.setSelected(true);
                model.rangeProperty().set(range);
            });
            rangeButtons.getChildren().add(button);
        }
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        String resume = Messages.text("health.resume");
        String pauseWords = Messages.text("health.pause");
        pause.textProperty()
                .bind(javafx.beans.binding.Bindings.when(pause.selectedProperty())
                        .then(resume)
                        .otherwise(pauseWords));
        message.textProperty().bind(model.messageProperty());
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
        MenuItem save = new MenuItem(Messages.text("health.chart.save"));
        save.setOnAction(event -> dialogs.chooseFileToSave(new FileRequest(
                        Messages.text("health.chart.save.title"),
                        chart.title().toLowerCase(Messages.locale()).replaceAll("[^\\p{L}\\p{N}]+", "-") + ".png",
                        null,
                        List.of()))
                .ifPresent(file -> savePng(chart, file)));
        return new ContextMenu(save);
    }

    /** Writes a picture of {@code chart} as PNG (small: a few KB, so written on the FX thread). */
    void savePng(TimeChart chart, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(chart.picture(), null), "png", file.toFile());
            model.reportMessage(Messages.text("health.chart.saved", file));
        } catch (IOException | UncheckedIOException error) {
            model.reportMessage(Messages.text("health.chart.failed", file, error.getMessage()));
        }
    }

    @FXML
    private void chooseCsv() {
        dialogs.chooseFileToSave(
                        new FileRequest(Messages.text("health.export.title"), "registrar-health.csv", null, List.of()))
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
