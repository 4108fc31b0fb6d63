package org.registrar.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The old web platform's access patterns, reproduced against the same server for the before/after table: a new
 * connection per request and a statement per item (N+1). Plain JDBC on purpose: this is the baseline, not the
 * app, so it neither uses the pool nor reports to QueryMetrics; it counts its own statements.
 */
final class OldPlatform {
    private final String url;
    private final Properties login = new Properties();
    private int statements;

    OldPlatform(String url, String user, String password) {
        this.url = url;
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", "old-platform-replay");
    }

    /** Statements sent by the last call. */
    int statements() {
        return statements;
    }

    /**
     * Saves results item by item, as the web platform did: per item a request with its own connection that looks
     * up the student by number, checks the assessment's maximum, checks for an existing result and inserts.
     */
    void saveOneByOne(long assessmentId, List<String> studentNumbers, int score) throws SQLException {
        statements = 0;
        for (String number : studentNumbers) {
            try (Connection connection = DriverManager.getConnection(url, login)) {
                long studentId = single(connection, "SELECT id FROM students WHERE student_number = ?", number);
                single(connection, "SELECT max_score FROM assessments WHERE id = ?", assessmentId);
                exists(connection, assessmentId, studentId);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by) VALUES (?, ?, ?, session_user)")) {
                    insert.setLong(1, assessmentId);
                    insert.setLong(2, studentId);
                    insert.setInt(3, score);
                    insert.executeUpdate();
                    statements++;
                }
            }
        }
    }

    /** The mentors list as the web platform built it: the mentors, then per mentor its count and its classes. */
    int mentorListOneByOne() throws SQLException {
        statements = 0;
        try (Connection connection = DriverManager.getConnection(url, login)) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement list =
                            connection.prepareStatement("SELECT id FROM mentors ORDER BY family_name, given_name, id");
                    ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                statements++;
            }
            for (long id : ids) {
                single(connection, "SELECT count(*) FROM mentor_assignments WHERE mentor_id = ?", id);
                single(
                        connection,
                        "SELECT count(DISTINCT s.cohort_id) FROM mentor_assignments a JOIN students s ON s.id = a.student_id WHERE a.mentor_id = ?",
                        id);
            }
            return ids.size();
        }
    }

    private long single(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statements++;
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    private void exists(Connection connection, long assessmentId, long studentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM assessment_results WHERE assessment_id = ? AND student_id = ?")) {
            statement.setLong(1, assessmentId);
            statement.setLong(2, studentId);
            statements++;
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }
}
