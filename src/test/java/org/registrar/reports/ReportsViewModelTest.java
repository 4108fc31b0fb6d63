package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;

/** The Reports screen's model without JavaFX: inline tasks on a fresh demo database. */
class ReportsViewModelTest {
    private TestSession session;
    private ReportsViewModel model;

    @TempDir
    Path folder;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        model = new ReportsViewModel(Tasks.inline(session.metrics()), ReportScreens.cache(session));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void loadingChoosesTheFirstClassItsNewestAssessmentAndFirstStudent() {
        model.load();

        // the class the whole list started with before ADR 0073, now read alone
        assertThat(model.cohort().get())
                .isEqualTo(new ReportsRepository(session.database().jdbi())
                        .cohorts()
                        .get(0));
        assertThat(model.assessment().get()).isEqualTo(model.assessments().get(0));
        assertThat(model.student().get()).isEqualTo(model.students().get(0));
        assertThat(model.yearGroup().get()).isNotNull();
        assertThat(model.from().get()).isEqualTo(model.cohort().get().yearStart());
    }

    @Test
    void eachReportShowsAndTheScoreSheetHasBands() {
        model.load();

        model.show();
        assertThat(model.table().get().title()).startsWith("Score sheet: ");
        assertThat(model.table().get().rows()).hasSize(model.students().size());
        assertThat(model.bands().get()).hasSize(ScoreSheet.BANDS);

        model.kind().set(ReportKind.TRANSCRIPT);
        model.show();
        assertThat(model.table().get().title()).startsWith("Transcript: ");
        assertThat(model.bands().get()).isEmpty();
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void anIncompleteChoiceAsksForOneAndExportWritesTheShownReport() throws Exception {
        model.show();
        assertThat(model.message().get()).isEqualTo("Choose a report and what it is about, then Show.");
        assertThat(model.table().get()).isNull();

        model.load();
        model.show();
        Path file = folder.resolve(model.suggestedName(ExportFormat.CSV));
        boolean[] done = {false};
        model.export(ExportFormat.CSV, file, () -> done[0] = true);

        assertThat(done[0]).isTrue();
        assertThat(Files.readAllLines(file)).hasSize(model.students().size() + 1);
        assertThat(model.message().get()).isEqualTo("Saved " + file.getFileName());
        assertThat(file.getFileName().toString()).startsWith("score-sheet-").endsWith(".csv");
    }
}
