package org.registrar.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.registrar.assessments.data.ResultChange;
import org.registrar.db.Database;

/**
 * The data of the bulk-save scenario: a synthetic cohort, fresh assessments of it, the inputs of each method and the
 * COPY targets. Blocking; used by one thread.
 */
record BulkSaveFixture(Database database, long cohort, List<Long> students) {
    private static final String COPY_TABLE = "bench_copy";
    private static final String KEYED_COPY_TABLE = "bench_copy_keyed";

    static BulkSaveFixture create(Database database, int size) {
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
            handle.execute("CREATE TABLE IF NOT EXISTS " + COPY_TABLE + " (assessment_id bigint, student_id bigint,"
                    + " score numeric(6, 2), excused boolean, comment text)");
            handle.execute("CREATE TABLE IF NOT EXISTS " + KEYED_COPY_TABLE + " (assessment_id bigint,"
                    + " student_id bigint, score numeric(6, 2), excused boolean, comment text,"
                    + " PRIMARY KEY (assessment_id, student_id))");
            return new BulkSaveFixture(
                    database, cohort, students.stream().sorted().toList());
        });
    }

    long newAssessment() {
        return database.jdbi().withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title,"
                        + " subject, max_score, assessed_on, created_by) VALUES (:cohort, 'Bench', 'Bench', 100,"
                        + " current_date, session_user) RETURNING id")
                .bind("cohort", cohort)
                .mapTo(Long.class)
                .one());
    }

    /** A ledger row for a COPY into assessment_results, so its rows carry a batch id as a save's do. */
    UUID newBatch(long assessment, int size) {
        UUID batch = UUID.randomUUID();
        database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO saved_batches (id, kind, assessment_id,"
                        + " row_count, saved_by) VALUES (:batch, 'results', :assessment, :rows, session_user)")
                .bind("batch", batch)
                .bind("assessment", assessment)
                .bind("rows", size)
                .execute());
        return batch;
    }

    /** New results (no earlier version) for the first {@code size} students. */
    List<ResultChange> changes(int size) {
        return changes(size, 0, Map.of());
    }

    /** Results for the first {@code size} students with scores shifted by {@code shift}, based on these versions. */
    List<ResultChange> changes(int size, int shift, Map<Long, Integer> versions) {
        List<ResultChange> changes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long student = students.get(i);
            changes.add(new ResultChange(student, score(i + shift), false, null, versions.get(student)));
        }
        return changes;
    }

    private static BigDecimal score(int i) {
        return BigDecimal.valueOf(i % 10_000, 2);
    }

    /**
     * The floor of an update: every result of the assessment up to {@code size} changed by one autocommitted
     * set-based UPDATE from arrays (the save's own way of handing the server a set), setting the columns the save sets,
     * so the same triggers fire; no ledger row, no version check, no answer. With {@code triggers} false the same
     * statement runs with {@code session_replication_role = replica}, under which no trigger fires: the lower bound,
     * which keeps none of the rules (superuser only, see {@link #canTurnTriggersOff}).
     */
    void updateInPlace(long assessment, UUID batch, int size, int shift, boolean triggers) {
        List<Long> ids = students.subList(0, size);
        List<BigDecimal> scores = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            scores.add(score(i + shift));
        }
        Boolean[] excused = new Boolean[size];
        java.util.Arrays.fill(excused, false);
        String update = "UPDATE assessment_results r SET score = i.score, excused = i.excused, comment = i.comment,"
                + " recorded_by = session_user, batch_id = :batch, version = r.version + 1, recorded_at = now()"
                + " FROM unnest(CAST(:students AS bigint[]), CAST(:scores AS numeric[]),"
                + " CAST(:excused AS boolean[]), CAST(:comments AS text[])) AS i(student_id, score, excused, comment)"
                + " WHERE r.assessment_id = :assessment AND r.student_id = i.student_id";
        database.jdbi().useHandle(handle -> {
            handle.registerArrayType(BigDecimal.class, "numeric");
            if (triggers) {
                run(handle, update, assessment, batch, ids, scores, excused);
            } else {
                handle.useTransaction(inside -> {
                    inside.execute("SET LOCAL session_replication_role = replica");
                    run(inside, update, assessment, batch, ids, scores, excused);
                });
            }
        });
    }

    private static void run(
            Handle handle,
            String update,
            long assessment,
            UUID batch,
            List<Long> ids,
            List<BigDecimal> scores,
            Boolean[] excused) {
        int updated = handle.createUpdate(update)
                .bind("assessment", assessment)
                .bind("batch", batch)
                .bindArray("students", Long.class, ids)
                .bindArray("scores", BigDecimal.class, scores)
                .bindArray("excused", Boolean.class, (Object[]) excused)
                .bindArray("comments", String.class, new Object[ids.size()])
                .execute();
        if (updated != ids.size()) {
            throw new IllegalStateException("The update floor changed " + updated + " of " + ids.size() + " rows");
        }
    }

    /** Whether this login may stop triggers from firing (session_replication_role is a superuser setting). */
    boolean canTurnTriggersOff() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                        .mapTo(Boolean.class)
                        .one());
    }

    void insertOneByOne(long assessment, int size) {
        database.jdbi().useHandle(handle -> {
            for (int i = 0; i < size; i++) {
                insertOne(handle, assessment, students.get(i), score(i));
            }
        });
    }

    private static void insertOne(Handle handle, long assessment, long student, BigDecimal score) {
        handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                        + " VALUES (:assessment, :student, :score, session_user)")
                .bind("assessment", assessment)
                .bind("student", student)
                .bind("score", score)
                .execute();
    }

    /** One autocommitted one-row insert: the cost of a commit that must flush its WAL (fsync), little else. */
    void commitOneRow() {
        database.jdbi()
                .useHandle(handle -> handle.execute("INSERT INTO " + COPY_TABLE + " VALUES (1, 1, 1, false, null)"));
    }

    /** One transaction of {@code SELECT 1}: a round trip and a commit that writes nothing (no fsync). */
    void selectOne() {
        database.jdbi()
                .useHandle(handle -> handle.inTransaction(inside ->
                        inside.createQuery("SELECT 1").mapTo(Integer.class).one()));
    }

    void emptyCopyTables() {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE " + COPY_TABLE + ", " + KEYED_COPY_TABLE));
    }

    void dropCopyTables() {
        database.jdbi()
                .useHandle(handle -> handle.execute("DROP TABLE IF EXISTS " + COPY_TABLE + ", " + KEYED_COPY_TABLE));
    }

    /** COPY into the empty table without keys, indexes or triggers: the floor of moving the bytes. */
    void copyPlain(int size) {
        copyInto(COPY_TABLE, size);
    }

    /** COPY into an empty table with the results' columns and primary key, nothing else: the floor of a keyed write. */
    void copyKeyed(int size) {
        copyInto(KEYED_COPY_TABLE, size);
    }

    private void copyInto(String table, int size) {
        StringBuilder rows = new StringBuilder(size * 24);
        for (int i = 0; i < size; i++) {
            rows.append("1\t")
                    .append(students.get(i))
                    .append('\t')
                    .append(score(i))
                    .append("\tf\t\\N\n");
        }
        copy("COPY " + table + " (assessment_id, student_id, score, excused, comment) FROM STDIN", rows);
    }

    /** COPY into assessment_results itself: the same keys, indexes, history and score-bound triggers as a save. */
    void copyResults(long assessment, UUID batch, int size) {
        StringBuilder rows = new StringBuilder(size * 64);
        for (int i = 0; i < size; i++) {
            rows.append(assessment)
                    .append('\t')
                    .append(students.get(i))
                    .append('\t')
                    .append(score(i))
                    .append("\tf\t\\N\t")
                    .append(batch)
                    .append('\n');
        }
        copy(
                "COPY assessment_results (assessment_id, student_id, score, excused, comment, batch_id)"
                        + " FROM STDIN",
                rows);
    }

    private void copy(String sql, StringBuilder rows) {
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
