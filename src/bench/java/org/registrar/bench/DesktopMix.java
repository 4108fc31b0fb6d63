package org.registrar.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.mentors.Mentor;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.metrics.OperationScope;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentPage;
import org.registrar.students.StudentRepository;

/**
 * What a simulated desktop does, through the same repositories and cache the screens use: browse student pages,
 * open the mentors list and a roster, and save a class's results (up to 30) as a new assessment. Each action runs as a
 * named operation of the desktop's own QueryMetrics, as in the app.
 */
final class DesktopMix {
    static final String BROWSE = "Browse students";
    static final String MENTORS = "Open mentors";
    static final String SAVE = "Save a class's results";
    static final int SAVE_SIZE = 30;
    private static final int PAGE = 50;

    private DesktopMix() {}

    /** Browse 60 %, mentors 25 %, save 15 %: staff browse far more than they enter scores. */
    static List<LoadRun.Action> actions(List<long[]> cohortsWithStudents) {
        return List.of(
                new LoadRun.Action(BROWSE, 60, DesktopMix::browse),
                new LoadRun.Action(MENTORS, 25, DesktopMix::mentors),
                new LoadRun.Action(SAVE, 15, (desktop, random) -> save(desktop, random, cohortsWithStudents)));
    }

    private static void browse(LoadRun.Desktop desktop, Random random) {
        Database database = desktop.database();
        StudentRepository students = desktop.state("students", () -> new StudentRepository(database.jdbi()));
        try (OperationScope scope = database.queryMetrics().begin(BROWSE)) {
            StudentPage page = students.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), PAGE, true);
            for (int i = 0; i < 1 + random.nextInt(3) && page.hasNext(); i++) {
                page = students.page(
                        StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(page.lastKey()), PAGE, false);
            }
        }
    }

    private static void mentors(LoadRun.Desktop desktop, Random random) {
        Database database = desktop.database();
        MentorDirectory directory = desktop.state(
                "mentors",
                () -> new MentorDirectory(
                        new MentorRepository(database.jdbi()),
                        new ChangeStamps(database.jdbi()),
                        MentorDirectory.settingsFromSystemProperties()));
        try (OperationScope scope = database.queryMetrics().begin(MENTORS)) {
            List<Mentor> mentors = directory.mentors();
            if (!mentors.isEmpty()) {
                directory.roster(mentors.get(random.nextInt(mentors.size())).id(), null);
            }
        }
    }

    /** Saves the results of one class (up to 30) as a new assessment; throws if the save did not apply. */
    static SaveOutcome save(LoadRun.Desktop desktop, Random random, List<long[]> cohortsWithStudents) {
        Database database = desktop.database();
        ResultsRepository results = desktop.state("results", () -> new ResultsRepository(database.jdbi()));
        long[] cohort = cohortsWithStudents.get(random.nextInt(cohortsWithStudents.size()));
        List<ResultChange> changes = new ArrayList<>();
        for (int i = 1; i < cohort.length; i++) {
            changes.add(new ResultChange(cohort[i], BigDecimal.valueOf(random.nextInt(21)), false, null, null));
        }
        NewAssessment assessment = new NewAssessment(
                cohort[0], "Load quiz " + UUID.randomUUID(), "Maths", BigDecimal.valueOf(20), LocalDate.now());
        try (OperationScope scope = database.queryMetrics().begin(SAVE)) {
            return results.save(SaveRequest.creating(UUID.randomUUID(), assessment, changes));
        }
    }

    /**
     * Classes for saves: {cohort, its students (at most 30)}, the first {@code groups} classes by id. A result's
     * student must be in its assessment's class (V62), so a group never reaches into the next class.
     */
    static List<long[]> cohorts(Database database, int groups) {
        List<long[]> rows = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT cohort_id, id FROM (SELECT cohort_id, id, row_number() OVER (PARTITION BY cohort_id"
                                + " ORDER BY id) AS n FROM students WHERE cohort_id IN (SELECT id FROM cohorts"
                                + " ORDER BY id LIMIT :groups)) s WHERE n <= :size ORDER BY cohort_id, id")
                .bind("groups", groups)
                .bind("size", SAVE_SIZE)
                .map((rs, ctx) -> new long[] {rs.getLong("cohort_id"), rs.getLong("id")})
                .list());
        List<long[]> result = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            while (end < rows.size() && rows.get(end)[0] == rows.get(start)[0]) {
                end++;
            }
            long[] group = new long[end - start + 1];
            group[0] = rows.get(start)[0];
            for (int i = start; i < end; i++) {
                group[i - start + 1] = rows.get(i)[1];
            }
            result.add(group);
            start = end;
        }
        return result;
    }
}
