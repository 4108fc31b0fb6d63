package org.registrar.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.registrar.assessments.ResultChange;
import org.registrar.assessments.ResultsRepository;
import org.registrar.assessments.SaveRequest;
import org.registrar.db.Database;
import org.registrar.metrics.OperationScope;

/**
 * Saving 100 to 100,000 results of one assessment: Registrar's save (one transaction, at most 3 statements) against
 * a naive loop of one autocommitted INSERT per row, and against plain COPY into an empty table with no triggers or
 * keys (the floor). Every save goes to a fresh assessment of a synthetic cohort of 100,000 students made for the run.
 */
public final class BulkSaveBench implements BenchScenario {
    static final int[] SIZES = {100, 1_000, 10_000, 100_000};
    /** The naive loop costs one commit (one fsync) per row: run at most this many rows, and fewer repetitions. */
    static final int LOOP_LIMIT = 10_000;

    @Override
    public String name() {
        return "bulk-save";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        Fixture fixture = Fixture.create(database, SIZES[SIZES.length - 1]);
        BenchResult result = new BenchResult(name(), "method", "rows", "median_ms", "p95_ms", "statements");
        try {
            for (int size : SIZES) {
                int repetitions = size >= 100_000 ? Math.max(3, context.repetitions() / 3) : context.repetitions();
                Timed registrar = time(database, repetitions, () -> {
                    long assessment = fixture.newAssessment();
                    return () ->
                            repository.save(SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size)));
                });
                result.row("registrar save", size, registrar.median(), registrar.p95(), registrar.statements());
                if (size <= LOOP_LIMIT) {
                    int loops = size >= LOOP_LIMIT ? 1 : Math.max(2, repetitions / 5);
                    Timed loop = time(database, loops, () -> {
                        long assessment = fixture.newAssessment();
                        return () -> fixture.insertOneByOne(assessment, size);
                    });
                    result.row("naive INSERT loop", size, loop.median(), loop.p95(), loop.statements());
                }
                Timed copy = time(database, repetitions, () -> {
                    fixture.emptyCopyTable();
                    return () -> fixture.copy(size);
                });
                result.row("plain COPY (floor)", size, copy.median(), copy.p95(), copy.statements());
            }
        } finally {
            fixture.dropCopyTable();
        }
        result.note("Each save writes new results of a fresh assessment (inserts). The naive loop autocommits each"
                + " INSERT (one fsync per row): run once at 10,000 rows and skipped at 100,000 (it would take minutes)."
                + " COPY goes into an empty table without keys or triggers, in one autocommitted statement."
                + " Server: fsync and synchronous_commit on.");
        return result;
    }

    private interface Setup {
        Runnable prepare() throws Exception;
    }

    private record Timed(double median, double p95, int statements) {}

    private static Timed time(Database database, int repetitions, Setup setup) throws Exception {
        double[] millis = new double[repetitions];
        int statements = 0;
        for (int i = 0; i < repetitions; i++) {
            Runnable work = setup.prepare();
            long start = System.nanoTime();
            OperationScope scope = database.queryMetrics().begin("Bench bulk save");
            try (scope) {
                work.run();
            }
            millis[i] = Measurements.since(start);
            statements = Math.max(statements, scope.summary().statements());
        }
        return new Timed(Measurements.median(millis), Measurements.percentile(millis, 95), statements);
    }

    /** The synthetic cohort, its assessments and the COPY target. */
    private record Fixture(Database database, long cohort, List<Long> students) {
        static Fixture create(Database database, int size) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            return database.jdbi().inTransaction(handle -> {
                long cohort = handle.createQuery("INSERT INTO cohorts (name, grade_level, school_year)"
                                + " VALUES (:name, 12, 2025) RETURNING id")
                        .bind("name", "Bench " + tag)
                        .mapTo(Long.class)
                        .one();
                List<Long> students = handle.createQuery("INSERT INTO students (student_number, family_name,"
                                + " given_name, cohort_id) SELECT 'B' || :tag || '-' || n, 'Bench', 'Student ' || n,"
                                + " :cohort FROM generate_series(1, :size) n RETURNING id")
                        .bind("tag", tag)
                        .bind("cohort", cohort)
                        .bind("size", size)
                        .mapTo(Long.class)
                        .list();
                handle.execute("CREATE TABLE IF NOT EXISTS bench_copy (assessment_id bigint, student_id bigint,"
                        + " score numeric(6, 2), excused boolean, comment text)");
                return new Fixture(database, cohort, students.stream().sorted().toList());
            });
        }

        long newAssessment() {
            return database.jdbi().withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title,"
                            + " subject, max_score, assessed_on, created_by) VALUES (:cohort, 'Bench', 'Bench', 100,"
                            + " current_date, 'bench') RETURNING id")
                    .bind("cohort", cohort)
                    .mapTo(Long.class)
                    .one());
        }

        List<ResultChange> changes(int size) {
            List<ResultChange> changes = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                changes.add(new ResultChange(students.get(i), BigDecimal.valueOf(i % 10_000, 2), false, null, null));
            }
            return changes;
        }

        void insertOneByOne(long assessment, int size) {
            database.jdbi().useHandle(handle -> {
                for (int i = 0; i < size; i++) {
                    insertOne(handle, assessment, students.get(i), BigDecimal.valueOf(i % 10_000, 2));
                }
            });
        }

        private static void insertOne(Handle handle, long assessment, long student, BigDecimal score) {
            handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                            + " VALUES (:assessment, :student, :score, 'bench')")
                    .bind("assessment", assessment)
                    .bind("student", student)
                    .bind("score", score)
                    .execute();
        }

        void emptyCopyTable() {
            database.jdbi().useHandle(handle -> handle.execute("TRUNCATE bench_copy"));
        }

        void dropCopyTable() {
            database.jdbi().useHandle(handle -> handle.execute("DROP TABLE IF EXISTS bench_copy"));
        }

        void copy(int size) {
            StringBuilder rows = new StringBuilder(size * 24);
            for (int i = 0; i < size; i++) {
                rows.append("1\t")
                        .append(students.get(i))
                        .append('\t')
                        .append(BigDecimal.valueOf(i % 10_000, 2))
                        .append("\tf\t\\N\n");
            }
            String sql = "COPY bench_copy (assessment_id, student_id, score, excused, comment) FROM STDIN";
            long start = System.nanoTime();
            boolean failed = true;
            try (Connection connection = database.dataSource().getConnection()) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
                failed = false;
            } catch (Exception e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            } finally {
                database.queryMetrics().recordStatement(sql, System.nanoTime() - start, failed);
            }
        }
    }
}
