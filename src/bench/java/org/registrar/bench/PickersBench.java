package org.registrar.bench;

import java.util.List;
import org.registrar.assessments.data.CohortFinder;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.db.Database;
import org.registrar.reports.ReportsRepository;
import org.registrar.students.StudentRepository;

/**
 * The class pickers (ADR 0069, 0072, 0073): what each screen's class picker reads when first opened and when a prefix
 * is typed, beside what the Assessments and Reports screens read before (every class, when the screen opened), timed
 * in turns in the same run. Time is request to mapped rows, the call the screen makes off the FX thread; the client's
 * work to show the rows is measured by hand (docs/performance.md, session 13).
 */
public final class PickersBench implements BenchScenario {
    @Override
    public String name() {
        return "pickers";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        StudentsBench.vacuum(database);
        StudentsBench.Timer timer = StudentsBench.timer(context);
        StudentsBench.filterLists(timer, database, new StudentRepository(database.jdbi()));
        assessmentsPicker(timer, database);
        reportsPicker(timer, database);
        return timer.result()
                .note(context.students() + " students, " + timer.repetitions() + " repetitions each, medians.")
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + "; "
                        + context.serverStatements().describe() + ".");
    }

    /**
     * The Assessments screen's class picker first opened (first 100 classes with their sizes and the count to 1,000)
     * and the whole list the screen read before, in turns; then a typed prefix. Returns the first opening and the
     * whole list, in that order.
     */
    static Measure.Figures[] assessmentsPicker(StudentsBench.Timer timer, Database database) throws Exception {
        CohortFinder finder = new CohortFinder(database.jdbi());
        ResultsRepository results = new ResultsRepository(database.jdbi());
        Measure.Figures[] firstAndAll = timer.inTurns(
                new StudentsBench.Case(
                        "Assessments cohort picker, first opened",
                        0,
                        "first 100 with sizes + count to 1,000",
                        () -> finder.startingWith("")),
                new StudentsBench.Case(
                        "Assessments cohort list before ADR 0072 (read as the screen opened)",
                        0,
                        "every class with its size",
                        results::cohorts));
        timer.time(
                "Assessments cohort picker, '" + StudentsBench.TYPED_CLASS + "' typed",
                0,
                "first 100 with sizes + count to 1,000",
                () -> finder.startingWith(StudentsBench.TYPED_CLASS));
        return firstAndAll;
    }

    /**
     * The Reports screen (ADR 0073): what it reads when it opens now (its year groups and the class it starts on) and
     * the whole class list it read before (the year groups were derived from it), in turns; then its class picker
     * first opened and a typed prefix, through the repository (the screen's cache in front of it is left out). Returns
     * the opening and the whole list, in that order.
     */
    static Measure.Figures[] reportsPicker(StudentsBench.Timer timer, Database database) throws Exception {
        ReportsRepository reports = new ReportsRepository(database.jdbi());
        Measure.Figures[] openingAndAll = timer.inTurns(
                new StudentsBench.Case(
                        "Reports opened: year groups + the first class",
                        0,
                        "2 statements, V79's index",
                        () -> List.of(reports.yearGroups(), reports.firstCohort())),
                new StudentsBench.Case(
                        "Reports class list before ADR 0073 (read as the screen opened)",
                        0,
                        "every class",
                        reports::cohorts));
        timer.time(
                "Reports class picker, first opened",
                0,
                "first 100 + count to 1,000",
                () -> reports.classesStartingWith(""));
        timer.time(
                "Reports class picker, '" + StudentsBench.TYPED_CLASS + "' typed",
                0,
                "first 100 + count to 1,000",
                () -> reports.classesStartingWith(StudentsBench.TYPED_CLASS));
        return openingAndAll;
    }
}
