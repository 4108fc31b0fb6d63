package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.app.Screenshots;
import org.registrar.db.TestDatabases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Students screen driven like a user, headless, on a fresh 600-student database. */
class StudentsViewUiTest {
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Jdbi other;

    @BeforeAll
    static void startToolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void showScreen() throws Exception {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        var jdbi = session.database().jdbi();
        var tasks = session.fxTasks();
        FxToolkit.setupStage(window -> {
            StudentsView view = new StudentsView(
                    new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                    new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                    new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                    new FxDialogService(() -> window));
            window.setScene(new Scene(view.root(), 1280, 780));
            window.show();
        });
        waitUntil(() -> table().getItems().size() == 50 && detailLoaded());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void pagesForwardAndBackWithButtonsAndPageKeys() throws Exception {
        List<StudentRow> first = List.copyOf(table().getItems());
        assertThat(text("#page-position")).isEqualTo("Page 1 of 12");
        assertThat(text("#students-count")).isEqualTo("600 students");

        robot.clickOn("#page-next");
        waitUntil(() -> text("#page-position").equals("Page 2 of 12"));
        assertThat(table().getItems()).doesNotContainAnyElementsOf(first).hasSize(50);

        robot.clickOn("#students-table").type(KeyCode.PAGE_UP);
        waitUntil(() -> text("#page-position").equals("Page 1 of 12"));
        assertThat(table().getItems()).containsExactlyElementsOf(first);

        robot.clickOn("#page-last");
        waitUntil(() -> text("#page-position").equals("Page 12 of 12"));
        assertThat(table().getItems()).hasSize(50);
        Screenshots.save(stage.getScene(), "students-last-page");
    }

    @Test
    void sortsOnTheServerWhenAHeaderIsClicked() throws Exception {
        robot.clickOn("Student no.");
        waitUntil(() -> table().getItems().get(0).studentNumber().equals("S0000001"));
        robot.clickOn("Student no.");
        waitUntil(() -> table().getItems().get(0).studentNumber().equals("S0000600"));
        assertThat(table().getItems().get(1).studentNumber()).isEqualTo("S0000599");
    }

    @Test
    void searchFindsByNumberPrefixAndByNameWithoutAccents() throws Exception {
        robot.clickOn("#students-table").press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#students-search").queryAs(TextField.class).isFocused())
                .isTrue();
        robot.write("s00001");
        waitUntil(() -> text("#students-count").equals("100 students"));
        assertThat(table().getItems()).allMatch(row -> row.studentNumber().startsWith("S00001"));

        String family = table().getItems().get(0).familyName();
        robot.doubleClickOn("#students-search").eraseText(6).write(family.toUpperCase());
        waitUntil(() -> !table().getItems().isEmpty()
                && table().getItems().stream().allMatch(row -> row.familyName().equals(family)));
    }

    @Test
    void typingTheStartOfAClassOffersItAndEnterFiltersTheTableByIt() throws Exception {
        other.useHandle(handle -> handle.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                + " SELECT 'Year 9 group ' || lpad(k::text, 3, '0'), 9, 2026 FROM generate_series(1, 130) k"));
        TextField cohort = robot.lookup("#filter-cohort").queryAs(TextField.class);
        assertThat(cohort.getText()).isEqualTo("Any cohort");

        robot.clickOn(cohort).write("year 9");
        waitUntil(() -> classList().isPresent()
                && classList().get().getItems().size() == 101
                && classList().get().getItems().get(1).label().startsWith("Year"));
        assertThat(classList().get().getItems().get(0)).isEqualTo(StudentFilters.ANY_COHORT);
        assertThat(classList().get().getItems().get(1).label()).isEqualTo("Year 9 group 001");
        assertThat(hint()).isEqualTo("30 more cohorts: keep typing");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveWithPopup(stage.getScene(), ClassPicks.popup(), "students-class-filter-typed");
        Screenshots.save(ClassPicks.popup().getScene(), "students-class-filter-open");

        robot.eraseText(6).write("1b");
        waitUntil(() -> classList().get().getItems().size() == 2);
        assertThat(classList().get().getSelectionModel().getSelectedItem().label())
                .isEqualTo("1B-00014");
        robot.type(KeyCode.ENTER);

        assertFilteredBy(cohort, "1B-00014");
    }

    @Test
    void enterRightAfterTypingFiltersByWhatWasTypedNotByTheListBeforeIt() throws Exception {
        TextField cohort = robot.lookup("#filter-cohort").queryAs(TextField.class);
        robot.clickOn(cohort);
        waitUntil(() -> classList().isPresent() && classList().get().getItems().size() == 23);

        // Enter within the typing pause: the list on screen still answers "", with Any cohort highlighted
        robot.write("1b").type(KeyCode.ENTER);

        assertFilteredBy(cohort, "1B-00014");
    }

    @Test
    void arrowsMoveInTheClassListEscapeKeepsTheFilterAndAnyClassClearsIt() throws Exception {
        TextField cohort = robot.lookup("#filter-cohort").queryAs(TextField.class);
        robot.clickOn(cohort);
        waitUntil(() -> classList().isPresent() && classList().get().getItems().size() == 23);
        assertThat(classList().get().getSelectionModel().getSelectedIndex()).isZero();

        robot.type(KeyCode.DOWN, 2).type(KeyCode.UP);
        Choice second = classList().get().getItems().get(1);
        assertThat(classList().get().getSelectionModel().getSelectedItem()).isEqualTo(second);
        robot.type(KeyCode.ESCAPE);
        assertThat(ClassPicks.popupShowing()).isFalse();
        assertThat(cohort.getText()).isEqualTo("Any cohort");
        assertThat(text("#students-count")).isEqualTo("600 students");

        robot.type(KeyCode.DOWN);
        waitUntil(() -> ClassPicks.popupShowing());
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> !table().getItems().isEmpty()
                && table().getItems().stream().allMatch(row -> second.label().equals(row.cohortName())));

        robot.clickOn(cohort);
        waitUntil(
                () -> ClassPicks.popupShowing() && classList().get().getItems().size() == 23);
        assertThat(classList().get().getSelectionModel().getSelectedItem()).isEqualTo(second);
        robot.clickOn("Any cohort");
        waitUntil(() -> text("#students-count").equals("600 students"));
        assertThat(cohort.getText()).isEqualTo("Any cohort");
    }

    @Test
    void theArrowBesideTheClassFilterOpensItsListAndLooksLikeTheDropDownsBesideIt() throws Exception {
        TextField cohort = robot.lookup("#filter-cohort").queryAs(TextField.class);
        javafx.scene.Node arrow = robot.lookup("#filter-cohort-arrow").query();
        javafx.scene.control.ComboBox<?> status =
                robot.lookup("#filter-status").queryAs(javafx.scene.control.ComboBox.class);
        // one frame with the arrow inside, as high as the Status drop-down beside it
        assertThat(arrow.getParent().getLayoutBounds().getHeight())
                .isCloseTo(status.getLayoutBounds().getHeight(), org.assertj.core.data.Offset.offset(1.0));
        Screenshots.save(stage.getScene(), "students-class-filter-arrow");

        robot.clickOn(arrow);
        waitUntil(() -> ClassPicks.popupShowing()
                && classList().isPresent()
                && classList().get().getItems().size() == 23);
        assertThat(cohort.isFocused()).isTrue();
        robot.clickOn(arrow);
        waitUntil(() -> !ClassPicks.popupShowing());

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> ClassPicks.popupShowing());
        waitUntil(() -> classList().get().getItems().size() == 23);
        String second = classList().get().getItems().get(1).label();
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertFilteredBy(cohort, second);
    }

    /** The table shows only students of {@code name}, the field names it, and the list is closed. */
    private void assertFilteredBy(TextField cohort, String name) throws Exception {
        waitUntil(() -> !table().getItems().isEmpty()
                && table().getItems().stream().allMatch(row -> name.equals(row.cohortName())));
        assertThat(cohort.getText()).isEqualTo(name);
        assertThat(ClassPicks.popupShowing()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private java.util.Optional<javafx.scene.control.ListView<Choice>> classList() {
        return robot.lookup("#filter-cohort-list")
                .tryQueryAs(javafx.scene.control.ListView.class)
                .map(list -> list);
    }

    private String hint() {
        return robot.lookup("#filter-cohort-hint").queryAs(Label.class).getText();
    }

    @Test
    void editsAndSavesAStudent() throws Exception {
        StudentRow row = table().getItems().get(0);
        robot.doubleClickOn("#edit-given-name").eraseText(40).write("Marie-Claire");
        robot.clickOn("#save-student");
        waitUntil(() -> text("#detail-message").equals("Saved."));
        assertThat(stored("SELECT given_name || ' v' || version FROM students WHERE id = :id", row.id()))
                .isEqualTo("Marie-Claire v" + (row.version() + 1));
    }

    @Test
    void showsBothVersionsWhenSomeoneElseSavedFirstAndKeepsMineWhenAsked() throws Exception {
        StudentRow row = table().getItems().get(0);
        other.useHandle(handle -> handle.createUpdate("UPDATE students SET email = 'theirs@example.org' WHERE id = :id")
                .bind("id", row.id())
                .execute());
        robot.doubleClickOn("#edit-given-name").eraseText(40).write("Mine");
        robot.clickOn("#save-student");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("theirs@example.org").tryQuery()).isPresent();
        Screenshots.save(robot.lookup("#conflict-dialog").query().getScene(), "students-conflict");

        robot.clickOn("#conflict-keep-mine");
        waitUntil(() -> text("#detail-message").equals("Saved."));
        assertThat(stored(
                        "SELECT given_name || ' ' || email || ' v' || version FROM students WHERE id = :id", row.id()))
                .isEqualTo("Mine " + row.email() + " v" + (row.version() + 2));
    }

    @Test
    void asksBeforePagingAwayFromUnsavedEditsAndKeepsThemWhenTheUserSaysSo() throws Exception {
        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Unsaved");
        robot.clickOn("#page-next");
        waitUntil(() -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        robot.clickOn("Keep editing");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#page-position")).isEqualTo("Page 1 of 12");
        assertThat(robot.lookup("#edit-family-name").queryAs(TextField.class).getText())
                .isEqualTo("Unsaved");
    }

    @Test
    void refreshShowsTheSelectedStudentsClassAsRenamedElsewhereInTheDetailToo() throws Exception {
        StudentRow row = table().getSelectionModel().getSelectedItem();
        assertThat(text("#detail-facts")).startsWith("Cohort " + row.cohortName() + "\n");
        other.useHandle(handle -> handle.createUpdate(
                        "UPDATE cohorts SET name = 'Year 12 Blue' WHERE id = (SELECT cohort_id FROM students WHERE id = :id)")
                .bind("id", row.id())
                .execute());

        robot.clickOn("#students-refresh");
        waitUntil(() -> "Year 12 Blue"
                .equals(table().getSelectionModel().getSelectedItem().cohortName()));
        waitUntil(() -> text("#detail-facts").startsWith("Cohort Year 12 Blue\n"));
        assertThat(table().getSelectionModel().getSelectedItem().id()).isEqualTo(row.id());
    }

    @Test
    void aPageReadAgainWhileEditingKeepsWhatTheUserTyped() throws Exception {
        StudentRow row = table().getSelectionModel().getSelectedItem();
        other.useHandle(handle -> handle.createUpdate(
                        "UPDATE cohorts SET name = 'Year 12 Blue' WHERE id = (SELECT cohort_id FROM students WHERE id = :id)")
                .bind("id", row.id())
                .execute());
        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Unsaved");

        // leaving the screen and coming back reads the page again without asking (unlike "Refresh")
        javafx.scene.Parent screen = stage.getScene().getRoot();
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.Group()));
        robot.interact(() -> stage.getScene().setRoot(screen));
        waitUntil(() -> "Year 12 Blue"
                .equals(table().getSelectionModel().getSelectedItem().cohortName()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#edit-family-name").queryAs(TextField.class).getText())
                .isEqualTo("Unsaved");
        assertThat(text("#detail-title")).startsWith(row.familyName() + ", ");
    }

    @Test
    void movingTheSelectionWithTheKeyboardShowsThatStudentsDetail() throws Exception {
        robot.clickOn("#students-table");
        int clicked = table().getSelectionModel().getSelectedIndex();
        robot.type(KeyCode.DOWN, 2);
        WaitForAsyncUtils.waitForFxEvents();
        StudentRow selected = table().getSelectionModel().getSelectedItem();
        waitUntil(() -> text("#detail-title").endsWith(selected.studentNumber()));

        assertThat(table().getSelectionModel().getSelectedIndex()).isEqualTo(clicked + 2);
        assertThat(text("#detail-title"))
                .isEqualTo(selected.familyName() + ", " + selected.givenName() + "  ·  " + selected.studentNumber());
        Screenshots.settle();
        Screenshots.save(stage.getScene(), "students");
    }

    private String stored(String sql, long id) {
        return other.withHandle(handle ->
                handle.createQuery(sql).bind("id", id).mapTo(String.class).one());
    }

    private boolean detailLoaded() {
        return robot.lookup("#detail-title")
                .tryQueryAs(Label.class)
                .map(label -> !label.getText().equals("Select a student"))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private TableView<StudentRow> table() {
        return robot.lookup("#students-table").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
