package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.MetricsSampler;
import org.registrar.metrics.SampleHistory;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;

/** The panel's pool figures are HikariCP's own, and a support login opens the panel without touching student data. */
class HealthPanelFiguresTest {

    private static MetricsSampler samplerFor(Database database) {
        return new MetricsSampler(
                database.queryMetrics(),
                new MetricsSampler.PoolSource(database::poolState, database.poolMetrics()::takeAcquireHistogram),
                List.of(),
                new SampleHistory());
    }

    @Test
    void poolFiguresMatchHikarisMxBean() {
        try (TestSession session = TestSession.fresh();
                MetricsSampler sampler = samplerFor(session.database())) {
            HikariPoolMXBean bean = ((HikariDataSource) session.database().dataSource()).getHikariPoolMXBean();
            // one connection used and given back (idle), then one held (active)
            session.database().jdbi().useHandle(handle -> handle.execute("SELECT 1"));
            try (Handle held = session.database().jdbi().open()) {
                held.execute("SELECT 1");

                MetricsSample sample = sampler.sampleNow();

                assertThat(sample.poolActive()).isEqualTo(1).isEqualTo(bean.getActiveConnections());
                assertThat(sample.poolIdle()).isEqualTo(bean.getIdleConnections());
                assertThat(sample.poolTotal()).isEqualTo(bean.getTotalConnections());
                assertThat(sample.poolPending()).isEqualTo(bean.getThreadsAwaitingConnection());
                assertThat(sample.poolMaximum())
                        .isEqualTo(session.database().profile().poolSize());
            }
            MetricsSample released = sampler.sampleNow();
            assertThat(released.poolActive()).isZero().isEqualTo(bean.getActiveConnections());
            assertThat(released.poolIdle()).isEqualTo(bean.getIdleConnections()).isPositive();
        }
    }

    @Test
    void supportLoginOpensTheHealthPanelWithoutErrors() {
        String name = TestDatabases.freshDatabase();
        String login = "u_support_panel_" + name;
        try (Database support = TestDatabases.openAs(name, login, "registrar_support", 2);
                MetricsSampler sampler = samplerFor(support)) {
            Tasks tasks = Tasks.inline(support.queryMetrics());
            org.registrar.metrics.HealthAlerts alerts = new org.registrar.metrics.HealthAlerts();
            ServerViewModel server = new ServerViewModel(
                    tasks, new ServerActivityRepository(support.jdbi()), HealthSettings.DEFAULTS, alerts);
            HealthViewModel desktop = new HealthViewModel(tasks, sampler.history(), support.queryMetrics(), false);
            ConnectionViewModel connection = new ConnectionViewModel(tasks, new Diagnostics(support), support);

            server.poll();
            sampler.sampleNow();
            desktop.refresh();
            connection.refresh();

            assertThat(server.connectionsProperty().get()).startsWith("Connections ");
            assertThat(server.missingProperty().get()).isEmpty();
            assertThat(server.sessions()).anyMatch(ServerSession::own);
            assertThat(desktop.messageProperty().get()).doesNotContain("failed");
            assertThat(connection.verdictProperty().get()).startsWith("HEALTHY");
            assertThat(connection.steps())
                    .extracting(DiagnosticStep::outcome)
                    .doesNotContain(DiagnosticStep.Outcome.FAILED);
            assertThat(support.queryMetrics().totals().errors()).isZero();
        }
    }
}
