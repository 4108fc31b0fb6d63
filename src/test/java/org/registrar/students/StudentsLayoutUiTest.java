package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.registrar.app.Screenshots;
import org.registrar.dialogs.FxDialogService;
import org.registrar.i18n.Messages;
import org.registrar.testing.Clipping;
import org.registrar.testing.TestSession;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the Students screen and its conflict dialog hold at 1024×700 and 1280×800 in every shipped language and
 * the pseudo-locale: no button, label or column header cut, nothing outside the window. Screenshots of each go to
 * target/screenshots/small/ (1024×700) and target/screenshots/default/ (1280×800).
 */
class StudentsLayoutUiTest {
    private static TestSession session;
    private Stage stage;
    private Stage dialogWindow;

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (Locale language :
                List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"), Messages.PSEUDO)) {
            all.add(Arguments.of(language, 1024, 700));
            all.add(Arguments.of(language, 1280, 800));
        }
        return all.stream();
    }

    @BeforeAll
    static void database() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path screenshots = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots.resolve("small"));
        Files.createDirectories(screenshots.resolve("default"));
        session = TestSession.fresh();
    }

    @AfterAll
    static void closeDatabase() {
        Messages.use(Locale.ENGLISH);
        session.close();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    if (dialogWindow != null) {
                        dialogWindow.close();
                    }
                    if (stage != null) {
                        stage.close();
                    }
                })
                .get(10, TimeUnit.SECONDS);
        session.awaitWorkerIdle();
        Messages.use(Locale.ENGLISH);
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @MethodSource("layouts")
    void theScreenShowsEveryControlWhole(Locale language, int width, int height) throws Exception {
        Messages.use(language);
        var jdbi = session.database().jdbi();
        var tasks = session.fxTasks();
        WaitForAsyncUtils.asyncFx(() -> {
                    stage = new Stage();
                    StudentsView view = new StudentsView(
                            new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                            new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                            new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                            new FxDialogService(() -> stage));
                    view.offerMentorAssignment((ids, done) -> {}, true);
                    stage.setScene(new Scene(view.root(), width, height));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table().getItems().size() == 50);
        session.awaitWorkerIdle();
        WaitForAsyncUtils.waitForFxEvents();

        Screenshots.save(stage.getScene(), folder(width) + "/" + language.toLanguageTag() + "-students");
        assertThat(Clipping.in(stage))
                .as("cut or outside in %s at %d×%d", language, width, height)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @MethodSource("layouts")
    void theConflictDialogShowsEveryControlWhole(Locale language, int width, int height) throws Exception {
        Messages.use(language);
        OffsetDateTime when = OffsetDateTime.parse("2026-11-03T09:15:00+01:00");
        StudentProfile theirs = new StudentProfile(
                7,
                "S0000007",
                "Åberg-Lindqvist",
                "Marie-Claire",
                "marie-claire.aberg-lindqvist@example.org",
                "on_leave",
                "10B",
                "Dr. Ngozi Okonkwo-Barrington",
                "n.okonkwo@example.org",
                when,
                when,
                4);
        StudentEdit mine =
                new StudentEdit(7, "S0000007", "Åberg-Lindqvist", "Marie", "marie.aberg@example.org", "active", 3);
        WaitForAsyncUtils.asyncFx(() -> {
                    stage = new Stage();
                    stage.setScene(new Scene(new javafx.scene.layout.Pane(), width, height));
                    stage.show();
                    Dialog<ButtonType> dialog = StudentConflictDialog.dialog(mine, new SaveOutcome.Conflict(theirs));
                    dialog.initOwner(stage);
                    dialog.show();
                    dialogWindow = (Stage) dialog.getDialogPane().getScene().getWindow();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Screenshots.save(
                dialogWindow.getScene(), folder(width) + "/" + language.toLanguageTag() + "-students-conflict");
        assertThat(dialogWindow.getWidth()).isLessThanOrEqualTo(width);
        assertThat(Clipping.in(dialogWindow))
                .as("cut or outside in %s at %d×%d", language, width, height)
                .isEmpty();
    }

    private static String folder(int width) {
        return width <= 1024 ? "small" : "default";
    }

    @SuppressWarnings("unchecked")
    private TableView<StudentRow> table() {
        return (TableView<StudentRow>) stage.getScene().lookup("#students-table");
    }
}
