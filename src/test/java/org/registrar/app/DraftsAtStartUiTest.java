package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.AssessmentChoice;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.OnFx;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Scores kept in a draft by an earlier session are shown at start: the window opens on Assessments listing them. */
class DraftsAtStartUiTest {
    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private MainWindow window;
    private AppContext context;
    /** The draft's class, assessment and student. */
    private long[] drafted;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() throws Exception {
        if (window == null) {
            return;
        }
        MainWindow shown = window;
        window = null;
        robot.interact(shown::dispose);
        FxToolkit.cleanupStages();
        context.close();
        session.close();
    }

    @Test
    void aWaitingDraftIsListedAtStart() throws Exception {
        String title = openWithADraft();
        assertThat(robot.lookup(".waiting-draft").queryAs(Label.class).getText())
                .startsWith("Unsaved scores: " + title + " · ")
                .contains(" · 1 student · kept ");
        Screenshots.save(stage.getScene(), "start-with-waiting-drafts");
    }

    /**
     * The drafts' controls answer Alt+letters no other shown control takes, in every language: the list of waiting
     * drafts at start, then the offer to restore or discard a draft once its assessment is opened (in Spanish
     * "_Restaurar" met the class picker's "G_rupo" on R, and "Desc_artar" the File menu's "_Archivo" on A).
     */
    @Test
    void theDraftsControlsShareNoAltLetterInAnyLanguage() throws Exception {
        Locale before = Messages.locale();
        Map<String, Map<String, List<String>>> clashes = new TreeMap<>();
        try {
            for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"))) {
                Messages.use(language);
                openWithADraft();
                Map<String, List<String>> atStart = OnFx.read(() -> MnemonicsUiTest.clashes(stage.getScene()));
                if (!atStart.isEmpty()) {
                    clashes.put(language.toLanguageTag() + " waiting drafts", atStart);
                }
                openTheDraftedAssessment();
                Map<String, List<String>> offered = OnFx.read(() -> MnemonicsUiTest.clashes(stage.getScene()));
                if (!offered.isEmpty()) {
                    clashes.put(language.toLanguageTag() + " draft offered", offered);
                }
                close();
            }
        } finally {
            Messages.use(before);
            window = null;
        }
        assertThat(clashes).isEmpty();
    }

    /** Picks the draft's class and assessment by hand, as a user who did not use the list would; the offer shows. */
    @SuppressWarnings("unchecked")
    private void openTheDraftedAssessment() throws Exception {
        ClassPicks.matching(robot, "#cohort-picker", cohort -> ((Cohort) cohort).id() == drafted[0]);
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> OnFx.read(() -> assessments.getItems().stream()
                        .anyMatch(choice -> choice.assessment() != null
                                && choice.assessment().id() == drafted[1])));
        robot.interact(() -> assessments.setValue(assessments.getItems().stream()
                .filter(choice ->
                        choice.assessment() != null && choice.assessment().id() == drafted[1])
                .findFirst()
                .orElseThrow()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> OnFx.read(() -> {
                    Node offer = stage.getScene().lookup("#restore-draft");
                    return offer != null
                            && offer.isVisible()
                            && offer.getParent().isVisible();
                }));
    }

    /** A fresh school with one draft kept on disk, and the main window opened on it; the draft's assessment title. */
    private String openWithADraft() throws Exception {
        session = TestSession.fresh();
        var fixture = TestDatabases.jdbi(session.databaseName());
        long[] ids = fixture.withHandle(handle -> handle.createQuery(
                        "SELECT a.cohort_id, a.id, s.id FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id"
                                + " ORDER BY a.id, s.id LIMIT 1")
                .map((rows, context) -> new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)})
                .one());
        drafted = ids;
        String title = fixture.withHandle(handle -> handle.createQuery("SELECT title FROM assessments WHERE id = :id")
                .bind("id", ids[1])
                .mapTo(String.class)
                .one());
        new DraftStore(dataHome)
                .save(new Draft(
                        UUID.randomUUID(),
                        ids[0],
                        ids[1],
                        null,
                        Instant.now(),
                        List.of(new Draft.Entry(ids[2], "5", null, null))));
        context = new AppContext(
                null,
                session.database(),
                TestDatabases.jdbcUrl(session.databaseName()),
                "test",
                null,
                dataHome,
                Privileges.ALL);

        FxToolkit.setupStage(stage -> {
            window = new MainWindow(context, () -> {});
            stage.setScene(new Scene(window.root(), 1280, 780));
            stage.show();
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.present(robot, ".waiting-draft"));
        return title;
    }
}
