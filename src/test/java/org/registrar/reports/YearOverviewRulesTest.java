package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * The year overview's rules on a year group of two classes built for them (figures worked out by hand): a result of a
 * student who left the class counts in the means, not in the missing; an excuse is not missing, a result row without
 * score or excuse is; an assessment without any result misses every student of its class; a student who joined the
 * class since misses the assessments they have no result for. One statement.
 */
class YearOverviewRulesTest {
    private static final int GRADE = 13;
    private static final int YEAR = 2099;

    private TestSession session;
    private Jdbi direct;
    private long classA;
    private long classB;
    private long mathsA;
    private long emptyA;
    private long englishA;
    private long mathsB;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
        direct.useTransaction(this::yearGroup);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void missingCountsTheClassAsItIsNowAndMeansEveryResult() {
        YearOverview[] read = new YearOverview[1];

        assertThat(ReportFixtures.statements(
                        session.metrics(),
                        () -> read[0] = new ReportsRepository(session.database().jdbi()).yearOverview(GRADE, YEAR)))
                .isEqualTo(1);

        // A now: Ada (no result on maths), Ben (excused on maths; a comment only on English); Cleo left for B after
        // her maths score. B now: Cleo (no result on B's maths), Dan (scored), Eve (no result).
        assertThat(read[0].missing())
                .extracting(YearOverview.Missing::assessmentId, YearOverview.Missing::students)
                .containsExactly(tuple(mathsA, 1), tuple(emptyA, 2), tuple(englishA, 1), tuple(mathsB, 2));
        assertThat(read[0].means())
                .extracting(
                        YearOverview.SubjectMean::cohortId,
                        YearOverview.SubjectMean::subject,
                        YearOverview.SubjectMean::scored)
                .containsExactly(tuple(classA, "English", 1), tuple(classA, "Maths", 1), tuple(classB, "Maths", 1));
        assertThat(read[0].means())
                .extracting(YearOverview.SubjectMean::meanPercentage)
                .satisfiesExactly(
                        english -> assertThat(english).isCloseTo(50.0, within(1e-9)),
                        maths -> assertThat(maths)
                                .as("Cleo's 20 of 20, from before she left")
                                .isCloseTo(100.0, within(1e-9)),
                        mathsOfB -> assertThat(mathsOfB).isCloseTo(75.0, within(1e-9)));
    }

    @Test
    void aYearGroupWithoutResultsHasNoMeanAndMissesEveryone() {
        direct.useHandle(handle -> handle.execute(
                "DELETE FROM assessment_results WHERE assessment_id IN (?, ?, ?)", mathsA, englishA, mathsB));

        YearOverview read = new ReportsRepository(session.database().jdbi()).yearOverview(GRADE, YEAR);

        assertThat(read.means())
                .extracting(YearOverview.SubjectMean::meanPercentage)
                .containsOnlyNulls();
        assertThat(read.means()).extracting(YearOverview.SubjectMean::scored).containsOnly(0);
        assertThat(read.missing())
                .extracting(YearOverview.Missing::assessmentId, YearOverview.Missing::students)
                .containsExactly(tuple(mathsA, 2), tuple(emptyA, 2), tuple(englishA, 2), tuple(mathsB, 3));
        assertThat(new ReportsRepository(session.database().jdbi())
                        .yearOverview(GRADE, YEAR - 1)
                        .means())
                .isEmpty();
    }

    private void yearGroup(Handle handle) {
        classA = cohort(handle, "Rules A");
        classB = cohort(handle, "Rules B");
        long ada = student(handle, classA, "RULES-1", "Ada");
        long ben = student(handle, classA, "RULES-2", "Ben");
        long cleo = student(handle, classA, "RULES-3", "Cleo");
        long dan = student(handle, classB, "RULES-4", "Dan");
        student(handle, classB, "RULES-5", "Eve");
        mathsA = assessment(handle, classA, "Maths", 20, "2099-09-10");
        emptyA = assessment(handle, classA, "Maths", 10, "2099-09-20");
        englishA = assessment(handle, classA, "English", 50, "2099-10-01");
        mathsB = assessment(handle, classB, "Maths", 20, "2099-10-05");
        result(handle, mathsA, ben, null, true, null);
        result(handle, mathsA, cleo, 20, false, null);
        result(handle, englishA, ada, 25, false, null);
        result(handle, englishA, ben, null, false, "handed in late");
        result(handle, mathsB, dan, 15, false, null);
        handle.execute("UPDATE students SET cohort_id = ? WHERE id = ?", classB, cleo);
    }

    private static long cohort(Handle handle, String name) {
        return handle.createQuery(
                        "INSERT INTO cohorts (name, grade_level, school_year) VALUES (:name, :grade, :year) RETURNING id")
                .bind("name", name)
                .bind("grade", GRADE)
                .bind("year", YEAR)
                .mapTo(Long.class)
                .one();
    }

    private static long student(Handle handle, long cohort, String number, String name) {
        return handle.createQuery("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                        + " VALUES (:number, 'Rules', :name, :cohort) RETURNING id")
                .bind("number", number)
                .bind("name", name)
                .bind("cohort", cohort)
                .mapTo(Long.class)
                .one();
    }

    private static long assessment(Handle handle, long cohort, String subject, int maxScore, String on) {
        return handle.createQuery("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on)"
                        + " VALUES (:cohort, :subject || ' ' || :on, :subject, :max, CAST(:on AS date)) RETURNING id")
                .bind("cohort", cohort)
                .bind("subject", subject)
                .bind("max", maxScore)
                .bind("on", on)
                .mapTo(Long.class)
                .one();
    }

    private static void result(
            Handle handle, long assessment, long student, Integer score, boolean excused, String comment) {
        handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score, excused, comment)"
                        + " VALUES (:assessment, :student, :score, :excused, :comment)")
                .bind("assessment", assessment)
                .bind("student", student)
                .bind("score", score)
                .bind("excused", excused)
                .bind("comment", comment)
                .execute();
    }
}
