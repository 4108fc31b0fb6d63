package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the save turns enable_nestloop off for its own transaction; the triggers it fires plan with their own
 * settings, so the score check reads the assessment it needs by its key instead of scanning every assessment. The
 * plans are read with auto_explain, whose LOG lines reach this client as warnings.
 */
class TriggerPlansTest {
    @Test
    void theScoreCheckReadsEachAssessmentOnceByKeyInsideATransactionThatTurnedNestedLoopsOff() throws SQLException {
        DataSource owner = TestDatabases.dataSource(TestDatabases.freshDatabase());
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement()) {
            // enough assessments that reading all of them is a real cost, as at a million students
            statement.execute("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                    + " SELECT 1 + n % 10, 'Plan ' || n, 'Plans', 50, date '2025-01-01', session_user"
                    + " FROM generate_series(1, 20000) n");
            statement.execute("ANALYZE assessments");
            statement.execute("LOAD 'auto_explain'");
            statement.execute("SET auto_explain.log_min_duration = 0");
            statement.execute("SET auto_explain.log_nested_statements = on");
            statement.execute("SET auto_explain.log_analyze = on");
            statement.execute("SET client_min_messages = log");
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('enable_nestloop', 'off', true)"); // what SaveSql.PLANNER does
            statement.clearWarnings();

            statement.execute("UPDATE assessment_results SET score = 0, excused = false"
                    + " WHERE assessment_id = (SELECT min(assessment_id) FROM assessment_results)");
            List<String> plans = plans(statement.getWarnings());
            connection.rollback();

            String scoreCheck = plans.stream()
                    .filter(plan -> plan.contains("max_score") && plan.contains("new_rows"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no plan of the score check in " + plans));
            assertThat(scoreCheck)
                    .contains("Index Scan using assessments_pkey")
                    .doesNotContain("Seq Scan on assessments");
            // the whole class's results name one assessment: it is read once, not once per row (V63)
            assertThat(scoreCheck)
                    .containsPattern("Index Scan using assessments_pkey on assessments \\w+ .*loops=1\\)");
        }
    }

    private static List<String> plans(SQLWarning first) {
        List<String> plans = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            plans.add(warning.getMessage());
        }
        return plans;
    }
}
