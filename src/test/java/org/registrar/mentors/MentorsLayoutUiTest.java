package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.registrar.app.Screenshots;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.dialogs.FxDialogService;
import org.registrar.i18n.Messages;
import org.registrar.testing.Clipping;
import org.registrar.testing.TestSession;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the Mentors screen and its rename and move dialogs hold at 1024×700 and 1280×800 in every shipped
 * language and the pseudo-locale: Find and Move never "…", no column header cut, nothing outside the window.
 * Screenshots go to target/screenshots/small/ (1024×700) and target/screenshots/default/ (1280×800).
 */
class MentorsLayoutUiTest {
    private static TestSession session;
    private Stage stage;
    private final List<Window> dialogs = new ArrayList<>();

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
                    for (Window dialog : dialogs) {
                        dialog.hide();
                    }
                    dialogs.clear();
                    if (stage != null) {
                        stage.close();
                    }
                })
                .get(10, TimeUnit.SECONDS);
        session.awaitWorkerIdle();
        Messages.use(Locale.ENGLISH);
    }

    private MentorsViewModel showScreen(Locale language, int width, int height) throws Exception {
        Messages.use(language);
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 500));
        MentorsViewModel model = new MentorsViewModel(session.fxTasks(), directory);
        WaitForAsyncUtils.asyncFx(() -> {
                    stage = new Stage();
                    stage.setScene(
                            new Scene(new MentorsView(model, new FxDialogService(() -> stage)).root(), width, height));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !table("#mentors-table").getItems().isEmpty());
        WaitForAsyncUtils.asyncFx(
                        () -> table("#mentors-table").getSelectionModel().select(0))
                .get(10, TimeUnit.SECONDS);
        session.awaitWorkerIdle();
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @MethodSource("layouts")
    void theScreenShowsEveryControlWhole(Locale language, int width, int height) throws Exception {
        showScreen(language, width, height);

        Screenshots.save(stage.getScene(), folder(width) + "/" + language.toLanguageTag() + "-mentors");
        assertThat(Clipping.in(stage))
                .as("cut or outside in %s at %d×%d", language, width, height)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @MethodSource("layouts")
    void theRenameAndMoveDialogsShowEveryControlWhole(Locale language, int width, int height) throws Exception {
        MentorsViewModel model = showScreen(language, width, height);
        List<Window> before = List.copyOf(Window.getWindows());
        WaitForAsyncUtils.asyncFx(() -> MentorRenameDialog.show(new FxDialogService(() -> stage), model))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Window rename = Window.getWindows().stream()
                .filter(window -> !before.contains(window))
                .findFirst()
                .orElseThrow();
        dialogs.add(rename);
        Screenshots.save(rename.getScene(), folder(width) + "/" + language.toLanguageTag() + "-mentors-rename");
        assertThat(Clipping.in(rename))
                .as("rename: cut or outside in %s", language)
                .isEmpty();

        Dialog<Boolean> move = WaitForAsyncUtils.asyncFx(() -> {
                    Dialog<Boolean> dialog = MoveConfirmation.dialog(
                            "Move 3 students (Åberg, Müller, Nguyễn) from Dr. Ngozi Okonkwo-Barrington to Zoë"
                                    + " Lindqvist-Marchetti?");
                    dialog.initOwner(stage);
                    dialog.show();
                    return dialog;
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Window moveWindow = move.getDialogPane().getScene().getWindow();
        dialogs.add(moveWindow);
        Screenshots.save(moveWindow.getScene(), folder(width) + "/" + language.toLanguageTag() + "-mentors-move");
        assertThat(Clipping.in(moveWindow))
                .as("move: cut or outside in %s", language)
                .isEmpty();
    }

    private static String folder(int width) {
        return width <= 1024 ? "small" : "default";
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return (TableView<T>) stage.getScene().lookup(id);
    }
}
