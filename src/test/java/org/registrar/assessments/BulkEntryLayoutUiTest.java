package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.registrar.app.Screenshots;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.testing.Clipping;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the Assessments screen and what it opens (the new-assessment form, the import mapping dialog, the
 * conflict choices) hold at 1024×700 and 1280×800 in every shipped language and the pseudo-locale: nothing of an
 * action row is cut or outside the window, Save and Save valid rows can be reached, and the pickers show the cohort
 * and assessment chosen. Screenshots of the screen at 1024×700 go to target/screenshots/small/.
 */
class BulkEntryLayoutUiTest {
    private static final double[][] SIZES = {{1024, 700}, {1280, 800}};

    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Locale before;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        before = Messages.locale();
        session = TestSession.fresh();
    }

    @AfterEach
    void close() {
        Messages.use(before);
        session.close();
    }

    static Stream<Locale> languages() {
        return Stream.of(Locale.UK, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"), Messages.PSEUDO);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theScreenAndItsDialogsFitAtBothSizes(Locale language) throws Exception {
        Messages.use(language);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        BulkEntryView view =
                BulkEntryScreen.create(session.fxTasks(), session.database(), dataHome, Privileges.ALL, dialogs);
        BulkEntryViewModel model = modelOf(view);
        List<String> problems = new ArrayList<>();

        show(view.root(), SIZES[0]);
        robot.interact(() -> model.findCohorts(""));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.cohorts().isEmpty());
        pick(model, 0, 1);
        for (double[] size : SIZES) {
            show(view.root(), size);
            problems.addAll(screenProblems("screen", size, model));
            if (size == SIZES[0]) {
                Path folder = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"), "small");
                Files.createDirectories(folder);
                Screenshots.save(stage.getScene(), "small/" + tag(language) + "-assessments");
            }
        }

        conflictOnFirstRow(model);
        for (double[] size : SIZES) {
            show(view.root(), size);
            problems.addAll(screenProblems("conflict choices", size, model));
            if (size == SIZES[0]) {
                Screenshots.save(stage.getScene(), "small/" + tag(language) + "-assessments-conflict");
            }
        }
        assertThat(robot.lookup("#keep-mine").queryAs(Node.class).isVisible())
                .as("the conflict choices are shown")
                .isTrue();

        problems.addAll(importDialogProblems(model, dialogs));

        robot.interact(() -> model.selectAssessment(AssessmentChoice.NEW));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        for (double[] size : SIZES) {
            show(view.root(), size);
            assertThat(robot.lookup("#new-title").queryAs(Node.class).isVisible())
                    .as("the new-assessment form is shown")
                    .isTrue();
            problems.addAll(screenProblems("new assessment", size, model));
            if (size == SIZES[0]) {
                Screenshots.save(stage.getScene(), "small/" + tag(language) + "-assessments-new");
            }
        }

        assertThat(problems).as(language.toLanguageTag()).isEmpty();
    }

    private List<String> screenProblems(String what, double[] size, BulkEntryViewModel model) throws Exception {
        String at = what + " at " + (int) size[0] + "×" + (int) size[1] + ": ";
        List<String> problems = new ArrayList<>();
        Clipping.in(stage).forEach(problem -> problems.add(at + problem));
        drawnMarkers(stage.getScene()).forEach(problem -> problems.add(at + problem));
        for (String id : List.of("#save", "#save-valid")) {
            if (!reachable(robot.lookup(id).queryAs(Node.class))) {
                problems.add(at + id + " is not visible inside the window");
            }
        }
        Cohort cohort = model.cohortProperty().get();
        AssessmentChoice assessment = model.assessmentProperty().get();
        problems.addAll(shows(at, "#cohort-picker", String.valueOf(cohort)));
        problems.addAll(shows(at, "#assessment-picker", String.valueOf(assessment)));
        return problems;
    }

    /** Labels that draw a mnemonic's underscore ("_Title") because they do not parse it. */
    private static List<String> drawnMarkers(Scene scene) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    List<String> found = new ArrayList<>();
                    markers(scene.getRoot(), found);
                    return found;
                })
                .get(10, TimeUnit.SECONDS);
    }

    private static void markers(Node node, List<String> found) {
        if (node instanceof Labeled labeled
                && labeled.isVisible()
                && !labeled.isMnemonicParsing()
                && labeled.getText() != null
                && labeled.getText().contains("_")) {
            found.add(Clipping.name(labeled) + " draws its mnemonic marker");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> markers(child, found));
        }
    }

    /** Shown, its ancestors shown, and wholly inside the window. */
    private static boolean reachable(Node node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    for (Node up = node; up != null; up = up.getParent()) {
                        if (!up.isVisible()) {
                            return false;
                        }
                    }
                    Bounds bounds = node.localToScene(node.getLayoutBounds());
                    Scene scene = node.getScene();
                    return bounds.getWidth() > 0
                            && bounds.getMinX() >= -0.5
                            && bounds.getMinY() >= -0.5
                            && bounds.getMaxX() <= scene.getWidth() + 0.5
                            && bounds.getMaxY() <= scene.getHeight() + 0.5;
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** The picker draws {@code chosen} whole: a text inside it reads exactly that and is not cut by the picker. */
    private List<String> shows(String at, String id, String chosen) throws Exception {
        Node picker = robot.lookup(id).queryAs(Node.class);
        boolean shown = WaitForAsyncUtils.asyncFx(() -> drawsWhole(picker, picker, chosen))
                .get(10, TimeUnit.SECONDS);
        return shown ? List.of() : List.of(at + id + " does not show the chosen \"" + chosen + "\"");
    }

    private static boolean drawsWhole(Node node, Node picker, String chosen) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof Text text && chosen.equals(text.getText())) {
            Bounds drawn = text.localToScene(text.getLayoutBounds());
            Bounds box = picker.localToScene(picker.getLayoutBounds());
            return drawn.getWidth() > 0
                    && drawn.getMinX() >= box.getMinX() - 0.5
                    && drawn.getMaxX() <= box.getMaxX() + 0.5;
        }
        if (node instanceof Labeled labeled && chosen.equals(labeled.getText()) && labeled.getWidth() <= 0) {
            return false;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (drawsWhole(child, picker, chosen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The import mapping dialog of a small CSV file, shown in its own window at its preferred size. */
    private List<String> importDialogProblems(BulkEntryViewModel model, ScriptedDialogs dialogs) throws Exception {
        Path file = dataHome.resolve("scores.csv");
        GridRow first = model.rows().get(0);
        Files.writeString(
                file,
                "Student number,Score,Comment\n" + first.studentNumber() + ",7,Très bien\n",
                java.nio.charset.StandardCharsets.UTF_8);
        AtomicReference<DialogPane> pane = new AtomicReference<>();
        dialogs.thenFile(file).thenDialog((Dialog<ColumnMapping> dialog) -> {
            pane.set(dialog.getDialogPane());
            return null;
        });
        robot.clickOn("#import-csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.get() != null);
        List<String> problems = new ArrayList<>();
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
                    DialogPane content = pane.get();
                    detach(content);
                    Scene probe = new Scene(content);
                    content.applyCss();
                    double width = Math.min(1024, content.prefWidth(-1));
                    double height = Math.min(700, content.prefHeight(width));
                    probe.setRoot(new Region());
                    Stage shown = new Stage();
                    shown.initOwner(stage);
                    shown.setScene(new Scene(content, width, height));
                    shown.show();
                    return shown;
                })
                .get(10, TimeUnit.SECONDS);
        Clipping.in(window).forEach(problem -> problems.add("import dialog: " + problem));
        drawnMarkers(window.getScene()).forEach(problem -> problems.add("import dialog: " + problem));
        Screenshots.save(window.getScene(), "small/" + tag(Messages.locale()) + "-assessments-import");
        WaitForAsyncUtils.asyncFx(window::close).get(10, TimeUnit.SECONDS);
        return problems;
    }

    /** Takes the dialog's pane out of the dialog's own (never shown) window. */
    private static void detach(DialogPane content) {
        if (content.getParent() instanceof javafx.scene.layout.Pane holder) {
            holder.getChildren().remove(content);
        } else if (content.getScene() != null && content.getScene().getRoot() == content) {
            content.getScene().setRoot(new Region());
        }
    }

    /** Another desktop saves the first row's score, then this one saves its own: the row is in conflict. */
    private void conflictOnFirstRow(BulkEntryViewModel model) throws Exception {
        GridRow row = model.rows().get(0);
        new ResultsRepository(session.database().jdbi())
                .save(SaveRequest.existing(
                        UUID.randomUUID(),
                        model.assessmentId(),
                        List.of(new ResultChange(
                                row.studentId(), new BigDecimal("9"), false, null, row.basedOnVersion()))));
        robot.interact(() -> {
            model.grid().edit(row, GridColumn.SCORE, "3");
            model.save(false);
        });
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !model.busyProperty().get()
                        && row.stateProperty().get() == org.registrar.assessments.grid.RowState.CONFLICT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screen as the whole scene of the stage, at {@code size}. */
    private static void show(Parent root, double[] size) throws Exception {
        FxToolkit.setupStage(window -> {
            if (window.getScene() != null && window.getScene().getRoot() == root) {
                window.getScene().setRoot(new Region());
            }
            window.setScene(new Scene(root, size[0], size[1]));
            window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pick(BulkEntryViewModel model, int cohort, int assessment) throws Exception {
        robot.interact(() -> model.selectCohort(model.cohorts().get(cohort)));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> model.assessments().size() > assessment
                        && model.cohortProperty().get() == model.cohorts().get(cohort));
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        robot.interact(() -> assessments.setValue(model.assessments().get(assessment)));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !model.rows().isEmpty() && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** "en", "de", "fr", "es", and "en-XA" for the pseudo-locale. */
    private static String tag(Locale language) {
        return Messages.PSEUDO.equals(language) ? language.toLanguageTag() : language.getLanguage();
    }

    private static BulkEntryViewModel modelOf(BulkEntryView view) throws Exception {
        var field = BulkEntryView.class.getDeclaredField("model");
        field.setAccessible(true);
        return (BulkEntryViewModel) field.get(view);
    }
}
