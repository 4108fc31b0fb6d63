package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline B64 and the V1…V64 chain build the same schema (ADR 0032). Each runs on its own server, so the
 * cluster-wide roles, their attributes and memberships are compared too, not shared.
 */
class MigrationBaselineTest {
    private static EmbeddedPostgres baselineServer;
    private static EmbeddedPostgres chainServer;

    @BeforeAll
    static void startServers() throws IOException {
        baselineServer = EmbeddedPostgres.builder().start();
        chainServer = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (baselineServer != null) {
            baselineServer.close();
        }
        if (chainServer != null) {
            chainServer.close();
        }
    }

    @Test
    void emptyDatabaseStartsFromTheBaselineAndSkipsTheOldChain() throws SQLException {
        DataSource dataSource = emptyDatabase(baselineServer, "registrar_history");

        String version = Migrations.apply(dataSource);

        assertThat(version).isEqualTo(MigrationFiles.latestVersion());
        List<String> scripts = Jdbi.create(dataSource)
                .withHandle(handle -> handle.createQuery(
                                "SELECT type || ' ' || script FROM flyway_schema_history WHERE version IS NOT NULL"
                                        + " ORDER BY installed_rank")
                        .mapTo(String.class)
                        .list());
        assertThat(scripts).first().isEqualTo("SQL_BASELINE B64__baseline_1_0.sql");
        assertThat(scripts).noneMatch(script -> script.matches("SQL V(\\d|[1-5]\\d|6[0-4])__.*"));
    }

    @Test
    void baselineBuildsTheSameSchemaAsTheChainOfV1ToV64(@TempDir Path oldFiles) throws SQLException, IOException {
        DataSource fromBaseline = emptyDatabase(baselineServer, "registrar");
        DataSource fromChain = emptyDatabase(chainServer, "registrar");

        Migrations.apply(fromBaseline, Migrations.LOCATION, OldChain.LATER_MIGRATION);
        OldChain.build(fromChain, "64", OldChain.files(oldFiles));
        assertThat(Migrations.currentVersion(fromChain)).isEqualTo("64");
        Migrations.apply(fromChain, Migrations.LOCATION, OldChain.LATER_MIGRATION);

        TreeSet<String> baseline = SchemaCatalog.describe(Jdbi.create(fromBaseline));
        TreeSet<String> chain = SchemaCatalog.describe(Jdbi.create(fromChain));
        assertThat(chain).as("the catalog description is not empty").hasSizeGreaterThan(300);
        assertThat(SchemaCatalog.difference("B64", baseline, "V1…V64", chain))
                .as("objects that differ between the baseline and the old chain")
                .isEmpty();
    }

    private static DataSource emptyDatabase(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.getDatabase("postgres", name);
    }
}
