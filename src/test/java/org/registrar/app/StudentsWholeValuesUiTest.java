package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.Clipping;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: inside the main window (navigation and detail pane included) the Students table shows its values
 * whole at 1024×700 and 1280×800, long ones included: the longest mentor name of the demo school, a cohort named
 * in words, a withdrawn student. Only the email column (it takes what is left and the detail pane shows it) may
 * end in "…"; at 1024 px the status column, then the mentor's, may give way (the detail pane shows both) rather
 * than any value be cut.
 * In every shipped language and the pseudo-locale: German and Spanish headers are longer ("Schüler-Nr.", "N.º de estudiante"): in
 * session 9 they left the cohort's values cut ("11A-000…"). Screenshots go to target/screenshots/values/.
 */
class StudentsWholeValuesUiTest {
    private static final String LONG_MENTOR_FAMILY = "Łukaszewski";
    private static final String LONG_MENTOR_GIVEN = "Małgorzata";
    private static final String LONG_COHORT = "Year 12 Blue";

    @RegisterExtension
    static final MainWindowSession ui = new MainWindowSession();

    @BeforeAll
    static void open() throws Exception {
        show(1024, 700);
        longValuesOnTheFirstPage();
    }

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({
        "en, 1024, 700", "en, 1280, 800",
        "de, 1024, 700", "de, 1280, 800",
        "fr, 1024, 700", "fr, 1280, 800",
        "es, 1024, 700", "es, 1280, 800",
        "en-XA, 1024, 700", "en-XA, 1280, 800"
    })
    void cohortMentorAndStatusShowWholeValues(String language, int width, int height) throws Exception {
        speak(Locale.forLanguageTag(language));
        show(width, height);
        TableView<?> table = table();

        java.util.List<String> cut = WaitForAsyncUtils.asyncFx(() -> Clipping.cutCells(table, "column-email"))
                .get(20, TimeUnit.SECONDS);
        Screenshots.save(ui.stage().getScene(), "values/" + language + "-students-" + width);
        assertThat(cut).as("cells cut in %s at %d×%d", language, width, height).isEmpty();
        for (String id :
                new String[] {"#column-student-no-", "#column-family-name", "#column-given-name", "#column-cohort"}) {
            assertThat(column(table, id).isVisible()).as(id + " shown").isTrue();
        }
        // at 1280 px every value but the email is in the table; at 1024 px the status, then the mentor, may give way
        // to the detail pane (in English the long values above miss by a pixel; the demo's own fit)
        if (width >= 1280) {
            assertThat(column(table, "#column-status").isVisible())
                    .as("status shown")
                    .isTrue();
            assertThat(column(table, "#column-mentor").isVisible())
                    .as("mentor shown")
                    .isTrue();
        }
        assertThat(cells(table, "#column-mentor")).contains(LONG_MENTOR_FAMILY + ", " + LONG_MENTOR_GIVEN);
        assertThat(cells(table, "#column-cohort")).contains(LONG_COHORT);
    }

    /** A main window built in {@code language} (its words are read when it is built), replacing the one before. */
    private static void speak(Locale language) throws Exception {
        Messages.use(language);
        ui.windowIn(language);
    }

    /** The Students screen in the main window, as the app dresses it, at the given size. */
    private static void show(double width, double height) throws Exception {
        ui.show("Students", width, height);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> table() != null && table().getItems().size() == 50);
        ui.awaitDatabaseWork();
    }

    /**
     * The mentor and the cohort of the first page's first student get long names and that student is withdrawn;
     * Refresh reads the page again.
     */
    private static void longValuesOnTheFirstPage() throws Exception {
        TableView<?> table = table();
        String mentor = cell(table, "#column-mentor");
        String cohort = cell(table, "#column-cohort");
        String number = cell(table, "#column-student-no-");
        Jdbi owner = TestDatabases.jdbi(ui.session().databaseName());
        owner.useTransaction(handle -> {
            handle.createUpdate("UPDATE mentors SET family_name = :family, given_name = :given"
                            + " WHERE family_name || ', ' || given_name = :shown")
                    .bind("family", LONG_MENTOR_FAMILY)
                    .bind("given", LONG_MENTOR_GIVEN)
                    .bind("shown", mentor)
                    .execute();
            handle.createUpdate("UPDATE cohorts SET name = :name WHERE name = :shown")
                    .bind("name", LONG_COHORT)
                    .bind("shown", cohort)
                    .execute();
            handle.createUpdate("UPDATE students SET status = 'withdrawn' WHERE student_number = :number")
                    .bind("number", number)
                    .execute();
        });
        WaitForAsyncUtils.asyncFx(() -> ((Button) ui.stage().getScene().lookup("#students-refresh")).fire())
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> (LONG_MENTOR_FAMILY + ", " + LONG_MENTOR_GIVEN).equals(cell(table(), "#column-mentor")));
        ui.awaitDatabaseWork();
    }

    private static TableView<?> table() {
        Scene scene = ui.stage().getScene();
        return scene == null ? null : (TableView<?>) scene.lookup("#students-table");
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream()
                .filter(column -> id.equals("#" + column.getId()))
                .findFirst()
                .orElseThrow();
    }

    /** The first row's value in the column. */
    private static String cell(TableView<?> table, String id) {
        return String.valueOf(column(table, id).getCellData(0));
    }

    private static java.util.List<String> cells(TableView<?> table, String id) {
        TableColumn<?, ?> column = column(table, id);
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int index = 0; index < table.getItems().size(); index++) {
            values.add(String.valueOf(column.getCellData(index)));
        }
        return values;
    }
}
