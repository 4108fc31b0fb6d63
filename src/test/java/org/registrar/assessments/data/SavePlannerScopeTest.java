package org.registrar.assessments.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;

/**
 * Issue 16: the save turns nested loops off only while its write statement is planned. The triggers that statement
 * fires plan with the session's own setting, so none of them can turn a look-up by key into a scan of a table that
 * grows with the school. Plans are read with auto_explain (log_settings shows a changed planner setting), whose LOG
 * lines reach this client as warnings of the statement that ran them; 100,000 assessments make a scan visible.
 */
class SavePlannerScopeTest {
    private Connection connection;
    private final List<Executed> executed = new ArrayList<>();
    private ResultsRepository repository;

    private record Executed(String sql, List<String> plans) {}

    @BeforeEach
    void open() throws SQLException {
        connection = TestDatabases.dataSource(TestDatabases.freshDatabase()).getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                    + " SELECT 1 + n % 10, 'Plan ' || n, 'Plans', 50, date '2025-01-01', session_user"
                    + " FROM generate_series(1, 100000) n");
            statement.execute("ANALYZE assessments");
            statement.execute("LOAD 'auto_explain'");
            statement.execute("SET auto_explain.log_min_duration = 0");
            statement.execute("SET auto_explain.log_nested_statements = on");
            statement.execute("SET auto_explain.log_settings = on");
            statement.execute("SET client_min_messages = log");
        }
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // one connection for the whole test, so its auto_explain settings stay
            }
        });
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
                executed.add(new Executed(context.getRenderedSql(), messages(statement.getWarnings())));
            }
        });
        repository = new ResultsRepository(jdbi);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void triggersOfTheWriteStatementPlanWithNestedLoopsAllowedAndReadAssessmentsByKey() {
        long cohort = largestCohort();
        List<SheetRow> sheet = repository.sheet(cohort, null);
        List<ResultChange> first = new ArrayList<>();
        sheet.forEach(row -> first.add(new ResultChange(row.studentId(), BigDecimal.TEN, false, null, null)));
        NewAssessment created =
                new NewAssessment(cohort, "Scoped", "Plans", new BigDecimal("20"), LocalDate.of(2025, 10, 1));

        SaveOutcome saved = repository.save(SaveRequest.creating(UUID.randomUUID(), created, first));
        List<String> insertTriggers = triggerPlansOfTheWrite();
        executed.clear();
        List<ResultChange> second = new ArrayList<>();
        sheet.forEach(row -> second.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, 1)));
        SaveOutcome updated = repository.save(SaveRequest.existing(UUID.randomUUID(), saved.assessmentId(), second));
        List<String> updateTriggers = triggerPlansOfTheWrite();

        assertThat(saved.savedVersions()).hasSize(sheet.size()).containsValue(1);
        assertThat(updated.savedVersions()).hasSize(sheet.size()).containsValue(2);
        assertThat(updated.conflicts()).isEmpty();
        assertThat(insertTriggers).as("plans of the insert's triggers").isNotEmpty();
        assertThat(insertTriggers).noneMatch(plan -> plan.contains("enable_nestloop = 'off'"));
        // the history of an update joins its old and new rows, two transition tables: it pins off itself (V60), and
        // it alone reads the old rows (V70: whether any was a first score, then the two inserts)
        assertThat(updateTriggers)
                .filteredOn(plan -> !plan.contains("old_rows"))
                .isNotEmpty()
                .noneMatch(plan -> plan.contains("enable_nestloop = 'off'"));
        String scoreCheck = insertTriggers.stream()
                .filter(plan -> plan.contains("max_score") && plan.contains("new_rows"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no plan of the score check in " + insertTriggers));
        assertThat(scoreCheck).contains("Index Scan using assessments_pkey").doesNotContain("Seq Scan on assessments");
    }

    /**
     * Issue 16 (V67): the cohort rule finds each new result's student by its key. students_cohort_search_key_id_idx
     * holds cohort_id and id too, and once autovacuum has marked the students all-visible an index-only scan of it
     * looks cheaper for the average class; but id is its third column, so each probe read the whole class (204 ms for
     * 100 new results of a class of 100,000 at a million students). Many small classes and one large, vacuumed and
     * analysed, give the planner those statistics.
     */
    @Test
    void theCohortRuleReadsEachNewResultsStudentByKeyWhateverTheSizeOfTheClass() throws SQLException {
        long large = classesOfSizes();
        List<ResultChange> changes = new ArrayList<>();
        repository.sheet(large, null).stream()
                .limit(100)
                .forEach(row -> changes.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, null)));
        NewAssessment created =
                new NewAssessment(large, "Large class", "Plans", new BigDecimal("20"), LocalDate.of(2025, 10, 1));

        SaveOutcome saved = repository.save(SaveRequest.creating(UUID.randomUUID(), created, changes));

        assertThat(saved.savedVersions()).hasSize(100);
        String cohortRule = triggerPlansOfTheWrite().stream()
                .filter(plan -> plan.contains("cohorts AS MATERIALIZED") && plan.contains("FROM students s"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no plan of the cohort rule"));
        assertThat(cohortRule)
                .contains("Index Scan using students_pkey")
                .doesNotContain("students_cohort_search_key_id_idx");
    }

    /**
     * Issue 16 (V70): an update's history is inserted straight from the join of the statement's old and new rows: the
     * insert events of first scores, then the update events, two plain inserts. Before, one insert produced both
     * through a lateral union of two rows per result and sorted every history row of the statement by its step, so
     * that insert events came first: a sort as large as the save, paid inside every update.
     */
    @Test
    void anUpdatesHistoryIsInsertedFromTheJoinOfOldAndNewRowsWithoutSortingTheEvents() {
        long cohort = largestCohort();
        List<SheetRow> sheet = repository.sheet(cohort, null);
        List<ResultChange> first = new ArrayList<>();
        sheet.forEach(row -> first.add(new ResultChange(row.studentId(), BigDecimal.TEN, false, null, null)));
        NewAssessment created =
                new NewAssessment(cohort, "History", "Plans", new BigDecimal("20"), LocalDate.of(2025, 10, 1));
        SaveOutcome saved = repository.save(SaveRequest.creating(UUID.randomUUID(), created, first));
        List<ResultChange> second = new ArrayList<>();
        sheet.forEach(row -> second.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, 1)));
        executed.clear();

        SaveOutcome updated = repository.save(SaveRequest.existing(UUID.randomUUID(), saved.assessmentId(), second));

        assertThat(updated.savedVersions()).hasSize(sheet.size()).containsValue(2);
        List<String> history = triggerPlansOfTheWrite().stream()
                .filter(plan -> plan.contains("INSERT INTO result_history"))
                .toList();
        assertThat(history).as("plans of the update's history").isNotEmpty();
        assertThat(history).noneMatch(plan -> plan.contains("Sort Key: \"*SELECT*") || plan.contains("Append"));
        assertThat(history)
                .as("first scores leave their insert events, and every changed result its update event")
                .anyMatch(plan -> plan.contains("'insert'"))
                .anyMatch(plan -> plan.contains("'update'"));
    }

    /**
     * Issue 16 (ADR 0067): a save of new results is one statement, the ledger row, the assessment when it is new and
     * the results together, so it costs BEGIN with that statement and COMMIT, as a COPY of the rows does. It sets no
     * planner setting (nothing is left for the triggers to inherit), and it reads stored results only by key: one probe
     * per new result, even into an assessment that already holds results of half the class.
     */
    @Test
    void aSaveOfNewResultsIsOneStatementThatSetsNoPlannerSettingAndReadsStoredResultsByKey() {
        long cohort = largestCohort();
        List<SheetRow> sheet = repository.sheet(cohort, null);
        int half = sheet.size() / 2;
        List<ResultChange> first = new ArrayList<>();
        List<ResultChange> second = new ArrayList<>();
        for (int i = 0; i < sheet.size(); i++) {
            (i < half ? first : second)
                    .add(new ResultChange(sheet.get(i).studentId(), BigDecimal.TEN, false, null, null));
        }
        NewAssessment created =
                new NewAssessment(cohort, "One statement", "Plans", new BigDecimal("20"), LocalDate.of(2025, 10, 1));
        executed.clear();

        SaveOutcome saved = repository.save(SaveRequest.creating(UUID.randomUUID(), created, first));
        List<Executed> creating = List.copyOf(executed);
        executed.clear();
        SaveOutcome added = repository.save(SaveRequest.existing(UUID.randomUUID(), saved.assessmentId(), second));
        List<Executed> adding = List.copyOf(executed);

        assertThat(saved.savedVersions()).hasSize(half).containsOnlyKeys(keys(first));
        assertThat(added.savedVersions()).hasSize(second.size()).containsOnlyKeys(keys(second));
        assertThat(added.conflicts()).isEmpty();
        for (List<Executed> save : List.of(creating, adding)) {
            assertThat(save).as("statements the save sent").hasSize(1);
            String write = save.get(0).plans().stream()
                    .filter(plan -> plan.contains("unnest"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no plan of the write in " + save));
            assertThat(write).doesNotContain("enable_nestloop").doesNotContain("Seq Scan on assessment_results");
        }
        String probe = adding.get(0).plans().stream()
                .filter(plan -> plan.contains("unnest"))
                .findFirst()
                .orElseThrow();
        assertThat(probe)
                .containsPattern("Index (Only )?Scan using assessment_results_\\w+ on assessment_results r")
                .containsPattern("Index Cond: \\(\\(\\w+ = \\w+\\.\\w+\\) AND \\(\\w+ = \\w+\\.\\w+\\)\\)")
                .doesNotContain("Anti Join");
    }

    /**
     * ADR 0067: above {@link ResultsRepository#ONE_STATEMENT_LIMIT} new results the save sends its ledger row first
     * and writes with its set-based check for stored results (planned without nested loops), faster than a key probe
     * per row at that size; the triggers still plan with the session's setting.
     */
    @Test
    void aSaveOfMoreNewResultsThanTheLimitSendsItsLedgerRowFirst() throws SQLException {
        long large = classesOfSizes();
        List<ResultChange> changes = new ArrayList<>();
        repository.sheet(large, null).stream()
                .limit(ResultsRepository.ONE_STATEMENT_LIMIT + 1)
                .forEach(row -> changes.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, null)));
        NewAssessment created =
                new NewAssessment(large, "Over the limit", "Plans", new BigDecimal("20"), LocalDate.of(2025, 10, 1));
        executed.clear();

        SaveOutcome saved = repository.save(SaveRequest.creating(UUID.randomUUID(), created, changes));

        assertThat(saved.savedVersions()).hasSize(ResultsRepository.ONE_STATEMENT_LIMIT + 1);
        assertThat(executed).as("the ledger row, then the write").hasSize(2);
        assertThat(triggerPlansOfTheWrite()).isNotEmpty().noneMatch(plan -> plan.contains("enable_nestloop = 'off'"));
    }

    private static List<Long> keys(List<ResultChange> changes) {
        return changes.stream().map(ResultChange::studentId).toList();
    }

    /** 2,000 classes of 10 students and one of 5,000, vacuumed and analysed; returns the large class. */
    private long classesOfSizes() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                    + " SELECT 'Plan class ' || n, 9, 2025 FROM generate_series(0, 2000) n");
            statement.execute("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                    + " SELECT 'P' || n, 'Plan', 'Student ' || n, (SELECT id FROM cohorts WHERE name = 'Plan class '"
                    + " || CASE WHEN n < 5000 THEN 0 ELSE n % 2000 + 1 END) FROM generate_series(0, 24999) n");
            statement.execute("VACUUM ANALYZE students");
            statement.clearWarnings();
        }
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT id FROM cohorts WHERE name = 'Plan class 0'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long largestCohort() {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT cohort_id FROM students WHERE cohort_id IS NOT NULL"
                        + " GROUP BY cohort_id ORDER BY count(*) DESC, cohort_id LIMIT 1")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Plans logged while the save's write statement (the one over unnest) ran, other than its own. */
    private List<String> triggerPlansOfTheWrite() {
        Executed write = executed.stream()
                .filter(statement -> statement.sql().contains("unnest"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no write statement among " + executed));
        return write.plans().stream().filter(plan -> !plan.contains("unnest")).toList();
    }

    private static List<String> messages(SQLWarning first) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }
}
