package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.app.Screenshots;
import org.registrar.db.TestDatabases;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A class overview wider than the screen (12 students × 40 assessments): its rows hold the cells of the columns in
 * view only (ViewportRows), and scrolling sideways brings the others in, styled and under their headers.
 */
class ReportsWideTableUiTest {
    private TestSession session;
    private Stage stage;
    private Parent root;

    @BeforeEach
    void show() throws Exception {
        session = TestSession.fresh();
        StallFixture.classOf(TestDatabases.jdbi(session.databaseName()), "WIDE-12x40", 12, 40);
        stage = FxToolkit.registerPrimaryStage();
        root = ReportScreens.show(session, new ScriptedDialogs());
        waitUntil(() -> !combo("#report-assessment").getItems().isEmpty());
        ReportScreens.chooseClass(new FxRobot(), "WIDE-12x40");
        WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(ReportKind.CLASS_OVERVIEW))
                .get();
        waitUntil(() -> combo("#report-assessment").getItems().size() == 40);
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) root.lookup("#report-show")).fire())
                .get();
        waitUntil(() -> table().getProperties().get(ReportsView.SHOWN) != null
                && table().getColumns().size() == 43);
        session.awaitWorkerIdle();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void aRowHoldsTheCellsOfTheColumnsInViewOnly() throws Exception {
        List<int[]> cellsAndInView = onFx(() -> {
            List<int[]> rows = new ArrayList<>();
            int inView = columnsInView();
            for (Node row : table().lookupAll(".table-row-cell")) {
                rows.add(new int[] {cellsOf((TableRow<?>) row).size(), inView});
            }
            return rows;
        });

        assertThat(cellsAndInView).isNotEmpty();
        // a column partly in view at the right edge counts; JavaFX 21 alone gave every row all 43 cells
        assertThat(cellsAndInView)
                .allSatisfy(row -> assertThat(row[0])
                        .as("cells in a row, columns in view %d", row[1])
                        .isPositive()
                        .isLessThanOrEqualTo(row[1] + 1)
                        .isLessThan(43));
    }

    /**
     * A report's rows get their cells a few per pulse (RowReveal), in a table that has its whole place before the
     * first of them: a table that grew a row a pulse was laid out and redrawn whole in each (the software
     * renderer's largest share of a report's pulses).
     */
    @Test
    void whileItsRowsComeInTheTableKeepsItsPlace() throws Exception {
        TableView<List<Object>> before = onFx(this::table);
        List<Double> heights = new ArrayList<>();
        List<Double> tops = new ArrayList<>();
        Runnable eachPulse = () -> {
            if (table() != before) {
                tops.add(table().getLayoutY());
                if (!table().lookupAll(".table-cell").isEmpty()) {
                    heights.add(table().getHeight());
                }
            }
        };
        onFx(() -> {
            // another report of the class (the same one again would be the table already shown)
            combo("#report-kind").setValue(ReportKind.SCORE_SHEET);
            ComboBox<Object> assessment = combo("#report-assessment");
            assessment.setValue(assessment.getItems().get(0));
            stage.getScene().addPostLayoutPulseListener(eachPulse);
            ((javafx.scene.control.Button) root.lookup("#report-show")).fire();
            return null;
        });
        waitUntil(() -> table() != before && table().getProperties().get(ReportsView.SHOWN) != null);
        double height = onFx(() -> {
            stage.getScene().removePostLayoutPulseListener(eachPulse);
            return table().getHeight();
        });
        double top = onFx(() -> table().getLayoutY());

        assertThat(heights)
                .as("the new table's height in each pulse with cells until the report is shown (at the end %s)", height)
                .hasSizeGreaterThan(3)
                .allSatisfy(each -> assertThat(each).isCloseTo(height, within(0.5)));
        // its header, made first, is where it stays: at the top of the table's place, not in the middle of the screen
        assertThat(tops)
                .as("the new table's top in each pulse until the report is shown (at the end %s)", top)
                .allSatisfy(each -> assertThat(each).isCloseTo(top, within(0.5)));
    }

    @Test
    void scrolledToTheRightTheLastColumnsCellsAreStyledAndUnderTheirHeader() throws Exception {
        onFx(() -> {
            ScrollBar across = scrollBar();
            across.setValue(across.getMax());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);

        List<String> wrong = onFx(() -> {
            List<String> problems = new ArrayList<>();
            TableColumn<?, ?> last = table().getColumns().get(42);
            Bounds headerBounds = headerOf(last);
            int rowsWithText = 0;
            for (Node row : table().lookupAll(".table-row-cell")) {
                TableRow<?> tableRow = (TableRow<?>) row;
                if (tableRow.isEmpty()) {
                    continue;
                }
                TableCell<?, ?> cell = cellsOf(tableRow).stream()
                        .filter(each -> each.getTableColumn() == last)
                        .findFirst()
                        .orElse(null);
                if (cell == null) {
                    problems.add("row " + tableRow.getIndex() + " has no cell for the last column");
                    continue;
                }
                Bounds cellBounds = cell.localToScene(cell.getLayoutBounds());
                if (Math.abs(cellBounds.getMinX() - headerBounds.getMinX()) > 1.5) {
                    problems.add("row " + tableRow.getIndex() + ": cell at x " + cellBounds.getMinX() + ", header at "
                            + headerBounds.getMinX());
                }
                if (cell.getSkin() == null || cell.getAlignment() != Pos.CENTER_RIGHT) {
                    problems.add("row " + tableRow.getIndex() + ": cell not styled as a number");
                }
                if (cell.getText() != null && !cell.getText().isEmpty()) {
                    rowsWithText++;
                }
            }
            if (rowsWithText == 0) {
                problems.add("no row shows a mean in the last column");
            }
            return problems;
        });
        Screenshots.save(stage.getScene(), "reports-class-overview-scrolled");

        assertThat(wrong).isEmpty();
    }

    /** Where the column's header is in the scene (its label's text is the column's). */
    private Bounds headerOf(TableColumn<?, ?> column) {
        for (Node node : table().lookupAll(".column-header")) {
            Node label = node.lookup(".label");
            if (label instanceof javafx.scene.control.Label text
                    && column.getText().equals(text.getText())) {
                return node.localToScene(node.getLayoutBounds());
            }
        }
        throw new IllegalStateException("no header for " + column.getText());
    }

    /** How many columns reach into the table's width at its horizontal scroll position. */
    private int columnsInView() {
        double from = scrollBar().getValue();
        double to = from + table().getWidth();
        double x = 0;
        int inView = 0;
        for (TableColumn<?, ?> column : table().getVisibleLeafColumns()) {
            if (x < to && x + column.getWidth() > from) {
                inView++;
            }
            x += column.getWidth();
        }
        return inView;
    }

    private static List<TableCell<?, ?>> cellsOf(TableRow<?> row) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node child : row.getChildrenUnmodifiable()) {
            if (child instanceof TableCell<?, ?> cell) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private ScrollBar scrollBar() {
        return table().lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<List<Object>> table() {
        return (TableView<List<Object>>) root.lookup("#report-table");
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return (ComboBox<T>) root.lookup(id);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
