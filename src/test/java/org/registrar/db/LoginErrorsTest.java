package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Refused logins get their own sentences, also wrapped the way HikariCP and Jdbi hand them on (the embedded test
 * server trusts local logins, so these are the driver's errors as it raises them).
 */
class LoginErrorsTest {
    private static Throwable throughThePool(SQLException driverError) {
        return new ConnectionException(new SQLTransientConnectionException(
                "registrar - Connection is not available, request timed out after 5000ms.",
                driverError.getSQLState(),
                driverError));
    }

    @Test
    void wrongPassword() {
        Throwable error =
                throughThePool(new SQLException("FATAL: password authentication failed for user \"maria\"", "28P01"));

        assertThat(DatabaseErrors.describe(error))
                .isEqualTo("The server refused the password for this login: check the user name and password "
                        + "(the password is typed at start, never stored).");
        assertThat(DatabaseErrors.describe("Test connection", error))
                .startsWith("Test connection failed. The server refused the password");
    }

    @Test
    void noPgHbaRule() {
        Throwable error = throughThePool(new SQLException(
                "FATAL: no pg_hba.conf entry for host \"10.0.0.7\", user \"maria\", database \"registrar\", no encryption",
                "28000"));

        assertThat(DatabaseErrors.describe(error)).startsWith("The server's access rules (pg_hba.conf) do not let");
    }

    @Test
    void unknownDatabase() {
        Throwable error = throughThePool(new SQLException("FATAL: database \"registar\" does not exist", "3D000"));

        assertThat(DatabaseErrors.describe(error))
                .isEqualTo("The database named in the connection settings does not exist on the server: "
                        + "database \"registar\" does not exist.");
    }

    @Test
    void otherFailuresKeepTheirSentences() {
        Throwable busy = new SQLTransientConnectionException("Connection is not available", (String) null);

        assertThat(DatabaseErrors.describe(busy)).startsWith("Database busy");
    }
}
