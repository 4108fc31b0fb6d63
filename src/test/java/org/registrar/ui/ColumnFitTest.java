package org.registrar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.testing.Clipping;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: a fitted table gives its width to whole values before whole headers (a header wraps onto two lines, a
 * value cut to "…" is lost), and an optional column gives way before the values of the others are cut.
 */
class ColumnFitTest {
    private static final String LONG_MENTOR = "Łukaszewski-Kowalczyk, Małgorzata";

    private Stage stage;
    private ColumnFit<Map<String, String>> lastFit;

    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void valuesStayWholeWhileLongHeadersWrap() throws Exception {
        TableView<Map<String, String>> table = table();
        show(table, 600);

        assertThat(cutCells(table)).as("cells shown cut").isEmpty();
        assertThat(cellTexts(table, "mentor")).contains(LONG_MENTOR);
    }

    @Test
    void anOptionalColumnGivesWayBeforeTheOthersValuesAreCut() throws Exception {
        TableView<Map<String, String>> table = table();
        show(table, 500);

        assertThat(column(table, "status").isVisible()).isFalse();
        assertThat(column(table, "mentor").isVisible()).isTrue();
        assertThat(cutCells(table)).as("cells shown cut").isEmpty();
    }

    @Test
    void aWideTableShowsEveryColumnAndTheFlexibleOneTakesTheRest() throws Exception {
        TableView<Map<String, String>> table = table();
        show(table, 900);

        assertThat(table.getVisibleLeafColumns()).hasSize(4);
        assertThat(cutCells(table)).isEmpty();
        double columns = WaitForAsyncUtils.asyncFx(() -> table.getVisibleLeafColumns().stream()
                        .mapToDouble(TableColumn::getWidth)
                        .sum())
                .get(10, TimeUnit.SECONDS);
        assertThat(columns).isGreaterThan(900 - 40);
    }

    @Test
    void theWidestLineIsTheWidestValueMeasuredAlone() throws Exception {
        List<String> values = List.of(
                "S000017",
                "",
                LONG_MENTOR,
                "Ødegård, Åsa",
                "trailing spaces   ",
                "a value\non two lines that is long",
                "עברית ושפה נוספת",
                "郑 晓明",
                "student.with.a.long.address@students.example.org",
                "W");
        for (Font font : List.of(Font.font("System", 13), Font.font("System", FontWeight.BOLD, 17))) {
            double[] widths = WaitForAsyncUtils.asyncFx(() -> {
                        ColumnFit<Map<String, String>> fit = ColumnFit.apply(new TableView<>(), null);
                        fit.measureIn(font);
                        double alone = 0;
                        for (String value : values) {
                            Text text = new Text(value);
                            text.setFont(font);
                            alone = Math.max(alone, text.getLayoutBounds().getWidth());
                        }
                        return new double[] {fit.widestLine(values), alone};
                    })
                    .get(10, TimeUnit.SECONDS);
            assertThat(widths[0]).as("in %s", font).isEqualTo(widths[1]);
        }
    }

    @Test
    void aPageIsMeasuredWithFewerLayoutsThanItHasRows() throws Exception {
        TableView<Map<String, String>> table = table(50);
        ColumnFit<Map<String, String>> fit = lastFit;
        show(table, 900);

        int layouts = WaitForAsyncUtils.asyncFx(() -> {
                    int before = fit.layouts();
                    fit.fit();
                    return fit.layouts() - before;
                })
                .get(10, TimeUnit.SECONDS);
        // the headers' words and whole headers (11), one layout per column's values (4); one a value made it 211
        assertThat(layouts).isLessThanOrEqualTo(15);
        assertThat(cutCells(table)).isEmpty();
    }

    /** Short values under long headers, one long value under a short header, an optional status. */
    private TableView<Map<String, String>> table() {
        return table(5);
    }

    private TableView<Map<String, String>> table(int rows) {
        TableView<Map<String, String>> table = new TableView<>();
        TableColumn<Map<String, String>, String> number = column("number", "Student registration number");
        TableColumn<Map<String, String>, String> mentor = column("mentor", "Mentor");
        TableColumn<Map<String, String>, String> status = column("status", "Enrolment status");
        TableColumn<Map<String, String>, String> email = column("email", "Email");
        table.getColumns().addAll(List.of(number, mentor, status, email));
        for (int row = 0; row < rows; row++) {
            table.getItems()
                    .add(Map.of(
                            "number",
                            "S" + row,
                            "mentor",
                            row == 2 ? LONG_MENTOR : "Lê, Minh",
                            "status",
                            row == 3 ? "withdrawn" : "active",
                            "email",
                            "student" + row + "@students.example.org"));
        }
        lastFit = ColumnFit.apply(table, email, List.of(status));
        return table;
    }

    private static TableColumn<Map<String, String>, String> column(String id, String header) {
        TableColumn<Map<String, String>, String> column = new TableColumn<>(header);
        column.setId(id);
        ColumnFit.text(column, row -> row.get(id));
        return column;
    }

    private void show(TableView<Map<String, String>> table, double width) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(new Scene(table, width, 300));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream()
                .filter(column -> id.equals(column.getId()))
                .findFirst()
                .orElseThrow();
    }

    /** Cells of shown, non-flexible columns whose displayed text differs from their text ("Łukaszewski-K…"). */
    private static List<String> cutCells(TableView<?> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipping.cutCells(table, "email"))
                .get(10, TimeUnit.SECONDS);
    }

    private static List<String> cellTexts(TableView<?> table, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                        .filter(node -> node instanceof TableCell<?, ?> cell
                                && cell.getTableColumn() != null
                                && id.equals(cell.getTableColumn().getId()))
                        .map(node -> ((TableCell<?, ?>) node).getText())
                        .filter(text -> text != null)
                        .toList())
                .get(10, TimeUnit.SECONDS);
    }
}
