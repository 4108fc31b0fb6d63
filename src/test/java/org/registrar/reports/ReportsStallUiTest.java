package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread while a report renders (issue 19: never stalled more than 50 ms). Each report of a class of 30
 * students × 40 assessments and of one of 60 × 90 is shown through the screen twice (the second time with the code
 * compiled), after the program's table warm-up (TableWarmUp: a user takes a moment to choose). Asserted, whatever the
 * machine's load: no pulse puts more than a budget of new table cells on the screen (a TableView gives each row in view
 * a cell per column, empty rows too: a class overview's ~20 rows × 43 columns in one pulse were most of its stall), nor
 * more than a few new column headers (94 wrapped headers in one pulse were the longest piece once rows came a few at a
 * time). Printed for docs/performance.md, not asserted (timing belongs in a benchmark):
 * the longest FX-thread stall per report and the FX thread's CPU time in its longest piece of work.
 */
class ReportsStallUiTest {
    private static final Map<String, Integer> CLASSES = Map.of("STALL-30x40", 40, "STALL-60x90", 90);

    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Parent root;
    private final CellsPerPulse cells = new CellsPerPulse();

    @BeforeEach
    void show() throws Exception {
        session = TestSession.fresh();
        StallFixture.classOf(TestDatabases.jdbi(session.databaseName()), "STALL-30x40", 30, 40);
        StallFixture.classOf(TestDatabases.jdbi(session.databaseName()), "STALL-60x90", 60, 90);
        FxToolkit.registerPrimaryStage();
        // the pulse listener reads the table through root: set before the window shows
        ReportScreens.show(session, new ScriptedDialogs(), scene -> {
            root = scene.getRoot();
            scene.addPostLayoutPulseListener(cells::afterPulse);
        });
        // the screen has read its choices: it starts on the first class, whose assessments it offers
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> !combo("#report-assessment").getItems().isEmpty()));
        // a user takes a moment to choose a report: the program's table warm-up (TableWarmUp) has ended by then
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(TableWarmUp::over));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void noPulsePutsMoreThanABudgetOfCellsOnTheScreenWhileAReportRenders() throws Exception {
        List<String> figures = new ArrayList<>();
        Map<String, Integer> mostCells = new LinkedHashMap<>();
        Map<String, Integer> mostHeaders = new LinkedHashMap<>();
        for (String cohort : List.of("STALL-30x40", "STALL-60x90")) {
            choose(cohort);
            for (String pass : List.of("first", "again")) {
                for (ReportKind kind : ReportKind.values()) {
                    WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(kind))
                            .get();
                    WaitForAsyncUtils.waitForFxEvents();
                    Object before = onFx(() -> table().getProperties().get(ReportsView.SHOWN));
                    onFx(() -> cells.reset());
                    FxThreadWork.Stall stall = FxThreadWork.measure(
                            () -> ((Button) root.lookup("#report-show")).fire(),
                            () -> holds(() -> {
                                Object shown = table().getProperties().get(ReportsView.SHOWN);
                                return shown != null && shown != before;
                            }));
                    String name = cohort + " " + pass + " " + kind.name().toLowerCase(Locale.ROOT);
                    int columns = onFx(() -> table().getColumns().size());
                    int most = onFx(() -> cells.most);
                    int headers = onFx(() -> cells.mostHeaders);
                    mostCells.put(name + " (" + columns + " columns)", most);
                    mostHeaders.put(name, headers);
                    figures.add(name + " " + stall + ", "
                            + onFx(() -> table().getItems().size()) + " rows × " + columns + " columns, at most " + most
                            + " new cells and " + headers + " new column headers in a pulse");
                }
            }
        }
        System.out.printf("[ReportsStallUiTest] longest FX-thread stall while a report renders: %s%n", figures);

        assertThat(mostCells).hasSize(16);
        mostCells.forEach((name, most) -> {
            int columns = Integer.parseInt(name.replaceAll(".*\\((\\d+) columns\\)", "$1"));
            assertThat(most).as(name).isPositive().isLessThanOrEqualTo(Math.max(RowReveal.CELLS_PER_PULSE, columns));
        });
        // the header's columns come a few per pulse too (one more .column-header: the filler, with the first ones)
        mostHeaders.forEach((name, most) -> assertThat(most)
                .as(name + ": new column headers in a pulse")
                .isPositive()
                .isLessThanOrEqualTo(ReportsView.HEADERS_PER_PULSE + 1));
    }

    private void choose(String cohort) throws Exception {
        // the year overview, shown last, hides the class field: a user first picks a report about a class
        WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(ReportKind.SCORE_SHEET))
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        ReportScreens.chooseClass(robot, cohort);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> combo("#report-assessment").getItems().size() == CLASSES.get(cohort)));
    }

    @SuppressWarnings("unchecked")
    private TableView<List<Object>> table() {
        // the screen's centre: a lookup by id parses its selector each time, and this is read every pulse and every
        // poll (it was a fifth of the FX thread's allocation in a run, and so of the GC pauses this test measures)
        return (TableView<List<Object>>) ((BorderPane) root).getCenter();
    }

    /** How many nodes under {@code node} have {@code styleClass} (as lookupAll, without parsing a selector). */
    private static int count(Node node, String styleClass) {
        int found = node.getStyleClass().contains(styleClass) ? 1 : 0;
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int child = 0; child < children.size(); child++) {
                found += count(children.get(child), styleClass);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) root.lookup(id);
    }

    private static boolean holds(java.util.concurrent.Callable<Boolean> condition) {
        try {
            return onFx(condition);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The scene is read on the FX thread only (a lookup from the test thread can meet a list being changed). */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /**
     * The most table cells, and column headers, the report's table gained in one pulse; a new table starts from none.
     * FX thread only.
     */
    private final class CellsPerPulse {
        private TableView<?> counted;
        private int before;
        private int most;
        private int headersBefore;
        private int mostHeaders;

        Void reset() {
            most = 0;
            mostHeaders = 0;
            return null;
        }

        void afterPulse() {
            TableView<?> now = table();
            int count = count(now, "table-cell");
            int headers = count(now, "column-header");
            if (now != counted) {
                counted = now;
                before = 0;
                headersBefore = 0;
            }
            most = Math.max(most, count - before);
            mostHeaders = Math.max(mostHeaders, headers - headersBefore);
            before = count;
            headersBefore = headers;
        }
    }
}
