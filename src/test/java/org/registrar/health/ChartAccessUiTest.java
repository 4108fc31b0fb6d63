package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.app.Screenshots;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every Health chart is readable without seeing it: an accessible text with each line's latest value and trend, and
 * "Show as table" swapping the canvas for a table of its points (ADR 0049).
 */
class ChartAccessUiTest {
    private static final Instant START = Instant.parse("2026-12-03T03:00:00Z");
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    /** {@code seconds} samples: two active connections throughout, statements rising from 10 to 10 + seconds. */
    private static List<MetricsSample> samples(int seconds) {
        List<MetricsSample> samples = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            samples.add(new MetricsSample(
                    START.plusSeconds(second),
                    1,
                    false,
                    10 + second,
                    10 + second,
                    5,
                    0,
                    1,
                    2,
                    3,
                    4,
                    2,
                    seconds - second,
                    0,
                    2 + seconds - second,
                    10,
                    0.5,
                    0,
                    Double.NaN));
        }
        return samples;
    }

    private static HealthViewModel.Frame frame(List<MetricsSample> samples) {
        return new HealthViewModel.Frame(
                HealthViewModel.Range.LAST_10_MINUTES,
                START,
                samples.get(samples.size() - 1).at(),
                samples,
                false,
                List.of());
    }

    private List<TimeChart> shown(List<MetricsSample> samples) throws Exception {
        return shown(samples, 420, 260);
    }

    private List<TimeChart> shown(List<MetricsSample> samples, double width, double height) throws Exception {
        List<TimeChart> charts =
                WaitForAsyncUtils.asyncFx(() -> HealthCharts.all(false)).get(20, TimeUnit.SECONDS);
        FxToolkit.setupStage(stage -> {
            GridPane grid = new GridPane();
            for (int index = 0; index < charts.size(); index++) {
                GridPane.setHgrow(charts.get(index), Priority.ALWAYS);
                GridPane.setVgrow(charts.get(index), Priority.ALWAYS);
                charts.get(index).setPrefSize(width, height);
                grid.add(charts.get(index), index % 3, index / 3);
            }
            stage.setScene(new Scene(grid, width * 3, height * 2));
            stage.show();
            charts.forEach(chart -> chart.show(frame(samples)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return charts;
    }

    /** The chart by its id, which stays the same in every language ("chart-pool-connections"). */
    private static TimeChart named(List<TimeChart> charts, String id) {
        return charts.stream()
                .filter(chart -> id.equals(chart.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachChartSaysItsLatestValuesAndTheirTrend() throws Exception {
        List<TimeChart> charts = shown(samples(30));

        assertThat(named(charts, "chart-pool-connections").getAccessibleText())
                .isEqualTo("Pool connections: active 2, steady; idle 1, falling; waiting 0, steady; total 3, falling;"
                        + " maximum 10, steady");
        assertThat(named(charts, "chart-throughput").getAccessibleText())
                .startsWith("Throughput: statements 39, rising; transactions 5, steady");
        assertThat(named(charts, "chart-cache-hit-rate").getAccessibleText()).isEqualTo("Cache hit rate: no data yet");
        for (TimeChart chart : charts) {
            Object read = WaitForAsyncUtils.asyncFx(() -> chart.queryAccessibleAttribute(AccessibleAttribute.TEXT))
                    .get(10, TimeUnit.SECONDS);
            assertThat(read).as(chart.title()).isEqualTo(chart.getAccessibleText());
        }
    }

    @Test
    void showAsTableSwapsTheCanvasForTheNewestPointsFirstAndBack() throws Exception {
        List<TimeChart> charts = shown(samples(30));
        TimeChart pool = named(charts, "chart-pool-connections");

        robot.clickOn(pool.tableToggle());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pool.tableShown()).isTrue();
        assertThat(pool.tableToggle().getText()).isEqualTo("Chart");
        assertThat(pool.tableToggle().getAccessibleText()).isEqualTo("Show as chart");
        assertThat(pool.table().isVisible()).isTrue();
        assertThat(pool.table().getColumns())
                .extracting(TableColumn::getText)
                .containsExactly("Time", "active", "idle", "waiting", "total", "maximum");
        assertThat(pool.table().getItems()).hasSize(30);
        assertThat(pool.table().getColumns().get(2).getCellObservableValue(0).getValue())
                .isEqualTo("1");
        assertThat(pool.table().getWidth()).isGreaterThan(300);
        Screenshots.save(pool.getScene(), "health-chart-as-table");

        robot.interact(() -> pool.show(frame(samples(31))));
        assertThat(pool.table().getItems()).hasSize(31);

        robot.clickOn(pool.tableToggle());
        assertThat(pool.table().isVisible()).isFalse();
        assertThat(pool.tableToggle().getText()).isEqualTo("Table");
        assertThat(pool.tableToggle().getTooltip().getText()).isEqualTo("Show as table");
    }

    @Test
    void inGermanTheSummaryAndToggleAreGerman() throws Exception {
        Messages.use(Locale.GERMAN);
        List<TimeChart> charts = shown(samples(30));

        TimeChart pool = named(charts, "chart-pool-connections");
        assertThat(pool.getAccessibleText())
                .isEqualTo("Verbindungen im Pool: aktiv 2, gleichbleibend; frei 1, fallend; wartend 0, gleichbleibend;"
                        + " gesamt 3, fallend; Maximum 10, gleichbleibend");
        assertThat(named(charts, "chart-throughput").getAccessibleText())
                .startsWith("Durchsatz: Anweisungen 39, steigend");
        assertThat(named(charts, "chart-cache-hit-rate").getAccessibleText())
                .isEqualTo("Cache-Trefferquote: noch keine Daten");
        assertThat(charts.get(0).tableToggle().getText()).isEqualTo("Tabelle");
        assertThat(charts.get(0).tableToggle().getAccessibleText()).isEqualTo("Als Tabelle zeigen");
        robot.clickOn(pool.tableToggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pool.table().getColumns())
                .extracting(TableColumn::getText)
                .containsExactly("Zeit", "aktiv", "frei", "wartend", "gesamt", "Maximum");
    }

    @Test
    void inFrenchAndSpanishTheChartsNameThemselvesInThatLanguage() throws Exception {
        Messages.use(Locale.FRENCH);
        List<TimeChart> french = shown(samples(30));
        assertThat(named(french, "chart-pool-connections").getAccessibleText())
                .startsWith("Connexions du pool : actives 2, stable; inactives 1, en baisse");
        assertThat(named(french, "chart-statement-latency").unit()).isEqualTo("ms");
        assertThat(named(french, "chart-throughput").unit()).isEqualTo("par seconde");

        Messages.use(Locale.forLanguageTag("es"));
        List<TimeChart> spanish = shown(samples(30));
        assertThat(named(spanish, "chart-throughput").getAccessibleText())
                .startsWith("Rendimiento: sentencias 39, en aumento");
    }

    /**
     * At 1024 px the Health screen has about 270 px per chart: the title (drawn on the canvas, where the clipping test
     * cannot see it) must fit left of the "table" toggle in every language; in German the toggle used to cover it.
     */
    @Test
    void eachTitleFitsBesideItsTableToggleAtTheSmallestWindow() throws Exception {
        for (Locale language : List.of(Locale.GERMAN, Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"))) {
            Messages.use(language);
            List<TimeChart> charts = shown(samples(30), 270, 170);
            for (TimeChart chart : charts) {
                double room = WaitForAsyncUtils.asyncFx(chart::titleRoom).get(10, TimeUnit.SECONDS);
                assertThat(chart.titleWidth())
                        .as(
                                "%s: '%s' beside '%s'",
                                language, chart.title(), chart.tableToggle().getText())
                        .isLessThanOrEqualTo(room);
            }
            for (TimeChart chart : charts) {
                assertThat(chart.tableToggle().getAccessibleText()).isEqualTo(Messages.text("menu.chart.showTable"));
                assertThat(chart.tableToggle().getTooltip().getText()).isEqualTo(Messages.text("menu.chart.showTable"));
            }
            if (language == Locale.GERMAN) {
                Screenshots.save(charts.get(0).getScene(), "health-charts-1024-de");
            }
        }
    }
}
