package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.health.DiagnosticStep.Outcome;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.testing.TestSession;

/** "Test connection" step by step against the embedded server, a closed port and a name nobody knows. */
class DiagnosticsTest {

    private static Database open(String url) {
        return Database.open(
                new ConnectionProfile(url, "postgres", ConnectionProfile.SslMode.DISABLE, null, false, 1),
                url,
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    @Test
    void healthyServerPassesEveryStepInOrder() {
        try (TestSession session = TestSession.fresh()) {
            DiagnosticsReport report = new Diagnostics(session.database()).run();

            assertThat(report.steps())
                    .extracting(DiagnosticStep::label)
                    .containsExactly(
                            "Name resolution",
                            "TCP connect",
                            "TLS and certificate",
                            "Authentication",
                            "Schema version",
                            "Round trip");
            assertThat(report.steps())
                    .extracting(DiagnosticStep::outcome)
                    .containsExactly(Outcome.OK, Outcome.OK, Outcome.NOT_USED, Outcome.OK, Outcome.OK, Outcome.OK);
            assertThat(report.steps().get(0).detail()).startsWith("localhost → ");
            assertThat(report.steps().get(1).detail())
                    .endsWith(":" + TestDatabases.server().getPort() + " accepted");
            assertThat(report.steps().get(2).detail()).contains("sslmode disable");
            assertThat(report.steps().get(3).detail()).isEqualTo("logged in as postgres on a new connection");
            assertThat(report.steps().get(0).millis()).isNotNaN().isPositive();
            assertThat(report.steps().get(5).millis()).isEqualTo(report.roundTripMillis());
            assertThat(report.healthy()).as(report.text()).isTrue();
            assertThat(report.text())
                    .contains("Registrar connection report")
                    .contains("  Authentication       ok ")
                    .contains("Verdict:         HEALTHY");

            DiagnosticsReport again = new Diagnostics(session.database()).run();
            assertThat(again.steps().get(3).detail()).contains("reused");
        }
    }

    @Test
    void closedPortFailsAtTcpConnectAndSkipsTheRest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Database database = open("jdbc:postgresql://localhost:" + closedPort + "/registrar")) {
            DiagnosticsReport report = new Diagnostics(database).run();

            assertThat(report.steps())
                    .extracting(DiagnosticStep::outcome)
                    .containsExactly(
                            Outcome.OK,
                            Outcome.FAILED,
                            Outcome.SKIPPED,
                            Outcome.SKIPPED,
                            Outcome.SKIPPED,
                            Outcome.SKIPPED);
            assertThat(report.steps().get(1).detail())
                    .startsWith("Nothing is listening on localhost port " + closedPort + ":");
            assertThat(report.reachable()).isFalse();
            assertThat(report.verdict()).startsWith("UNHEALTHY: Nothing is listening on localhost port");
            // the pool was never asked: the check did not wait out its timeout
            assertThat(database.poolMetrics().snapshot().connectionsCreated()).isZero();
        }
    }

    @Test
    void unknownHostFailsAtNameResolution() {
        try (Database database = open("jdbc:postgresql://registrar-no-such-host.invalid:5432/registrar")) {
            DiagnosticsReport report = new Diagnostics(database).run();

            assertThat(report.steps().get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(report.steps().get(0).detail()).startsWith("registrar-no-such-host.invalid could not be found");
            assertThat(report.steps().subList(1, 6))
                    .extracting(DiagnosticStep::outcome)
                    .containsOnly(Outcome.SKIPPED);
            assertThat(report.stepLines()).hasSize(7);
            assertThat(report.lines()).contains("Verdict:         " + report.verdict());
        }
    }
}
