package org.registrar.assessments.data;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.registrar.assessments.history.HistoryRepository;

/**
 * Cohorts, assessments, score sheets and the bulk save of results. Every method blocks on the database: never call
 * it on the FX thread. A save is one transaction of at most 3 statements whatever its size. Thread-safe.
 */
public final class ResultsRepository {
    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String RESULT_KEY = "assessment_results_pkey";
    private static final Pattern STUDENT_IN_DETAIL = Pattern.compile("student_id=(\\d+)");

    /**
     * The most new results saved in one statement (ADR 0067). Above it the save sends its ledger row first, as a save
     * of changes does: the round trip that saves is a small share of a large save, and the write's set-based check
     * for stored results (planned without nested loops) beats one key probe per row (10,000 new results took about a
     * third longer in one statement).
     */
    static final int ONE_STATEMENT_LIMIT = 1_000;

    private final Jdbi jdbi;

    public ResultsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The history of results in the same database. */
    public HistoryRepository history() {
        return new HistoryRepository(jdbi);
    }

    /** The class picker's reads in the same database (ADR 0072). */
    public CohortFinder cohortFinder() {
        return new CohortFinder(jdbi);
    }

    /** Every cohort by name, with its number of students (at a million students 35,715: not for a picker). */
    public List<Cohort> cohorts() {
        return jdbi.withHandle(handle -> handle.createQuery(SaveSql.COHORTS)
                .map((rows, context) -> new Cohort(rows.getLong("id"), rows.getString("name"), rows.getInt("students")))
                .list());
    }

    /** Names of these cohorts and assessments (drafts' ones), in one statement. Blocking: not on the FX thread. */
    public DraftNames draftNames(long[] cohortIds, long[] assessmentIds) {
        java.util.Map<Long, String> cohorts = new java.util.HashMap<>();
        java.util.Map<Long, String> assessments = new java.util.HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(SaveSql.DRAFT_NAMES)
                .bind("cohorts", cohortIds)
                .bind("assessments", assessmentIds)
                .map((rows, context) -> {
                    cohorts.put(rows.getLong("cohort_id"), rows.getString("cohort_name"));
                    long assessment = rows.getLong("assessment_id");
                    if (!rows.wasNull()) {
                        assessments.put(assessment, rows.getString("title"));
                    }
                    return assessment;
                })
                .list());
        return new DraftNames(cohorts, assessments);
    }

    /** The cohort's assessments, newest first. */
    public List<Assessment> assessments(long cohortId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        SaveSql.ASSESSMENTS + " WHERE cohort_id = :cohort" + " ORDER BY assessed_on DESC, id DESC")
                .bind("cohort", cohortId)
                .map((rows, context) -> assessment(rows))
                .list());
    }

    /** One assessment by id. */
    public Optional<Assessment> assessment(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SaveSql.ASSESSMENTS + " WHERE id = :id")
                .bind("id", id)
                .map((rows, context) -> assessment(rows))
                .findOne());
    }

    /** The assessment of cohort {@code cohortName} with this title on this date, if exactly one exists. */
    public Optional<Assessment> assessment(String cohortName, String title, LocalDate assessedOn) {
        return jdbi.withHandle(handle -> handle.createQuery(SaveSql.ASSESSMENTS
                        + " WHERE cohort_id = (SELECT id FROM cohorts WHERE name = :cohort)"
                        + " AND title = :title AND assessed_on = :date")
                .bind("cohort", cohortName)
                .bind("title", title)
                .bind("date", assessedOn)
                .map((rows, context) -> assessment(rows))
                .findOne());
    }

    /** Every student of the cohort by name, with their result for the assessment (none for a new one). */
    public List<SheetRow> sheet(long cohortId, Long assessmentId) {
        return jdbi.withHandle(handle -> handle.createQuery(SaveSql.SHEET)
                .bind("cohort", cohortId)
                .bind("assessment", assessmentId == null ? -1L : assessmentId)
                .map((rows, context) -> new SheetRow(
                        rows.getLong("student_id"),
                        rows.getString("student_number"),
                        rows.getString("family_name"),
                        rows.getString("given_name"),
                        rows.getString("email"),
                        rows.getBigDecimal("score"),
                        rows.getBoolean("excused"),
                        rows.getString("comment"),
                        (Integer) rows.getObject("version")))
                .list());
    }

    /**
     * For student keys outside the grid's cohort (numbers or e-mail addresses, lower-case as
     * {@code InputValidator.normal} makes them): the cohort each student is in ("" when in none). Keys of no
     * student at all are absent.
     */
    public Map<String, String> cohortsOf(Collection<String> keys) {
        List<String> emails = keys.stream().filter(key -> key.contains("@")).toList();
        List<String> numbers = keys.stream()
                .filter(key -> !key.contains("@"))
                .map(key -> key.toUpperCase(java.util.Locale.ROOT))
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(SaveSql.COHORTS_OF)
                .bindArray("numbers", String.class, numbers)
                .bindArray("emails", String.class, emails)
                .map((rows, context) -> {
                    String cohort = rows.getString("cohort") == null ? "" : rows.getString("cohort");
                    return found.put(rows.getString("student_key"), cohort);
                })
                .list());
        return found;
    }

    /**
     * Saves the changes in one transaction: (1) the ledger row (and the new assessment), (2) one set-based write
     * of every changed result that still has the version it was based on, (3) a read-back of the rows someone
     * else changed meanwhile (only when there are any). A save of new results only does (1) and (2) in one
     * statement (ADR 0067). A batch id already in the ledger writes nothing. Only when
     * another desktop commits a first score for one of these students during this save does the save run a second
     * time (a second transaction; the first wrote nothing), where that student is a conflict.
     *
     * @throws ScoreRejected when the database refuses a score (nothing is written)
     */
    public SaveOutcome save(SaveRequest request) {
        try {
            return jdbi.inTransaction(handle -> saveIn(handle, request));
        } catch (JdbiException error) {
            if (!isResultKeyTaken(error)) {
                throw rejectedOr(error);
            }
        }
        // Another desktop committed a first score for one of these students while this save ran; nothing of this
        // attempt was written (same batch id), and the second attempt sees that score and reports a conflict.
        try {
            return jdbi.inTransaction(handle -> saveIn(handle, request));
        } catch (JdbiException error) {
            throw rejectedOr(error);
        }
    }

    private static boolean isResultKeyTaken(JdbiException error) {
        ServerErrorMessage taken = serverError(error, UNIQUE_VIOLATION);
        return taken != null && RESULT_KEY.equals(taken.getConstraint());
    }

    /** The server's report of the first error in {@code error}'s causes with SQLSTATE {@code state}, or null. */
    private static ServerErrorMessage serverError(Throwable error, String state) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException sql
                    && state.equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null) {
                return sql.getServerErrorMessage();
            }
        }
        return null;
    }

    /**
     * Whether the save with this batch id committed: asked after the connection dropped while a save was in
     * flight (its outcome is unknown until then). Runs on a connection of its own, as a separate operation.
     *
     * @return the assessment the batch saved into, or empty when the batch never committed
     */
    public Optional<Long> batchApplied(UUID batchId) {
        return jdbi.withHandle(handle -> handle.createQuery(SaveSql.BATCH_APPLIED)
                .bind("batch", batchId)
                .mapTo(Long.class)
                .findOne());
    }

    private SaveOutcome saveIn(Handle handle, SaveRequest request) {
        boolean onlyNew = !request.changes().isEmpty()
                && request.changes().size() <= ONE_STATEMENT_LIMIT
                && request.changes().stream().allMatch(change -> change.expectedVersion() == null);
        if (onlyNew) {
            return saveNewIn(handle, request);
        }
        Optional<Long> assessmentId = insertBatch(handle, request);
        if (assessmentId.isEmpty()) {
            return savedBefore(handle, request);
        }
        long assessment = assessmentId.get();
        return answered(handle, request, assessment, write(handle, request, assessment));
    }

    /** A batch id already in the ledger: nothing was written now; the assessment is the one it saved into. */
    private static SaveOutcome savedBefore(Handle handle, SaveRequest request) {
        long existing = request.assessmentId() != null
                ? request.assessmentId()
                : handle.createQuery("SELECT assessment_id FROM saved_batches WHERE id = :batch")
                        .bind("batch", request.batchId())
                        .mapTo(Long.class)
                        .one();
        return new SaveOutcome(request.batchId(), existing, true, Map.of(), List.of());
    }

    /**
     * New results only (no change based on a stored version): one statement writes the ledger row, the assessment
     * when it is new, and the results (ADR 0067).
     */
    private static SaveOutcome saveNewIn(Handle handle, SaveRequest request) {
        NewAssessment created = request.newAssessment();
        Query query = bindChanges(
                        handle, created == null ? SaveSql.NEW_RESULTS : SaveSql.NEW_RESULTS_AND_ASSESSMENT, request)
                .bind("rows", request.changes().size());
        if (created == null) {
            query.bind("assessment", request.assessmentId());
        } else {
            query.bind("cohort", created.cohortId())
                    .bind("title", created.title().strip())
                    .bind("subject", created.subject().strip())
                    .bind("max", created.maxScore())
                    .bind("date", created.assessedOn());
        }
        Long[] assessment = {null};
        Map<Long, Integer> written = new HashMap<>(request.changes().size() * 2);
        query.map((rows, context) -> {
                    long id = rows.getLong("assessment_id");
                    if (rows.wasNull()) {
                        written.put(rows.getLong("student_id"), rows.getInt("version"));
                    } else {
                        assessment[0] = id;
                    }
                    return id;
                })
                .list();
        if (assessment[0] == null) {
            return savedBefore(handle, request);
        }
        return answered(handle, request, assessment[0], written);
    }

    /** The outcome of a save that wrote {@code written}: every change missing from it is a conflict, read back. */
    private static SaveOutcome answered(
            Handle handle, SaveRequest request, long assessment, Map<Long, Integer> written) {
        List<ResultChange> lost = request.changes().stream()
                .filter(change -> !written.containsKey(change.studentId()))
                .toList();
        List<Conflict> conflicts = lost.isEmpty() ? List.of() : readConflicts(handle, assessment, lost);
        return new SaveOutcome(request.batchId(), assessment, false, written, conflicts);
    }

    private Optional<Long> insertBatch(Handle handle, SaveRequest request) {
        NewAssessment created = request.newAssessment();
        if (created == null) {
            return handle.createQuery(SaveSql.INSERT_BATCH)
                    .bind("batch", request.batchId())
                    .bind("assessment", request.assessmentId())
                    .bind("rows", request.changes().size())
                    .mapTo(Long.class)
                    .findOne();
        }
        return handle.createQuery(SaveSql.INSERT_BATCH_AND_ASSESSMENT)
                .bind("batch", request.batchId())
                .bind("rows", request.changes().size())
                .bind("cohort", created.cohortId())
                .bind("title", created.title().strip())
                .bind("subject", created.subject().strip())
                .bind("max", created.maxScore())
                .bind("date", created.assessedOn())
                .mapTo(Long.class)
                .findOne();
    }

    private static Map<Long, Integer> write(Handle handle, SaveRequest request, long assessment) {
        int size = request.changes().size();
        boolean inserts = request.changes().stream().anyMatch(change -> change.expectedVersion() == null);
        boolean updates = request.changes().stream().anyMatch(change -> change.expectedVersion() != null);
        Map<Long, Integer> written = new HashMap<>(size * 2);
        bindChanges(handle, SaveSql.write(inserts, updates), request)
                .bind("assessment", assessment)
                .map((rows, context) -> written.put(rows.getLong("student_id"), rows.getInt("version")))
                .list();
        return written;
    }

    /** The statement {@code sql} with the batch id and every change bound, as arrays, one per column. */
    private static Query bindChanges(Handle handle, String sql, SaveRequest request) {
        int size = request.changes().size();
        List<Long> students = new ArrayList<>(size);
        List<BigDecimal> scores = new ArrayList<>(size);
        List<Boolean> excused = new ArrayList<>(size);
        List<String> comments = new ArrayList<>(size);
        List<Integer> versions = new ArrayList<>(size);
        for (ResultChange change : request.changes()) {
            students.add(change.studentId());
            scores.add(change.score());
            excused.add(change.excused());
            comments.add(change.comment());
            versions.add(change.expectedVersion());
        }
        handle.registerArrayType(BigDecimal.class, "numeric");
        return handle.createQuery(sql)
                .bind("batch", request.batchId())
                .bindArray("students", Long.class, students)
                .bindArray("scores", BigDecimal.class, scores)
                .bindArray("excused", Boolean.class, excused)
                .bindArray("comments", String.class, comments)
                .bindArray("versions", Integer.class, versions);
    }

    private static List<Conflict> readConflicts(Handle handle, long assessment, List<ResultChange> lost) {
        Map<Long, ResultChange> yours = new HashMap<>();
        lost.forEach(change -> yours.put(change.studentId(), change));
        Map<Long, Conflict> theirs = new HashMap<>();
        handle.createQuery(SaveSql.READ_BACK)
                .bind("assessment", assessment)
                .bindArray("students", Long.class, List.copyOf(yours.keySet()))
                .map((rows, context) -> {
                    long student = rows.getLong("student_id");
                    return theirs.put(
                            student,
                            new Conflict(
                                    student,
                                    rows.getBigDecimal("score"),
                                    rows.getBoolean("excused"),
                                    rows.getString("comment"),
                                    rows.getInt("version"),
                                    rows.getString("recorded_by"),
                                    yours.get(student)));
                })
                .list();
        return lost.stream()
                .map(change -> theirs.getOrDefault(
                        change.studentId(), new Conflict(change.studentId(), null, false, null, null, null, change)))
                .toList();
    }

    private static RuntimeException rejectedOr(JdbiException error) {
        ServerErrorMessage refused = serverError(error, CHECK_VIOLATION);
        if (refused == null) {
            return error;
        }
        Matcher student = STUDENT_IN_DETAIL.matcher(String.valueOf(refused.getDetail()));
        return new ScoreRejected(student.find() ? Long.parseLong(student.group(1)) : -1, refused.getMessage(), error);
    }

    private static Assessment assessment(java.sql.ResultSet rows) throws SQLException {
        return new Assessment(
                rows.getLong("id"),
                rows.getLong("cohort_id"),
                rows.getString("title"),
                rows.getString("subject"),
                rows.getBigDecimal("max_score"),
                rows.getObject("assessed_on", LocalDate.class));
    }
}
