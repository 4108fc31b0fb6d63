package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.FutureMigrations;
import org.registrar.db.Migrations;
import org.registrar.db.TestDatabases;
import picocli.CommandLine;

class DoctorCommandTest {
    @TempDir
    Path dataHome;

    private record Run(int exitCode, String output) {}

    private Run doctor(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            String[] all = new String[args.length + 3];
            all[0] = "doctor";
            all[1] = "--data-home";
            all[2] = dataHome.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            int exitCode = new CommandLine(new Launcher()).execute(all);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void healthyServerExitsZeroAndPrintsTheReport() {
        String name = TestDatabases.freshDatabase();

        Run run = doctor("--db-url", TestDatabases.jdbcUrl(name), "--db-user", "postgres", "--ssl-mode", "disable");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Server version:  17.")
                .contains("Schema version:  " + Migrations.currentVersion(TestDatabases.dataSource(name)))
                .contains("TLS:             off")
                .contains("Pool:            max 2, min idle 0")
                .contains("Verdict:         HEALTHY")
                .containsPattern("\\n  Name resolution +ok +[0-9.]+ ms  localhost → ")
                .containsPattern("\\n  TLS and certificate +not used ")
                .containsPattern("\\n  Round trip +ok +[0-9.]+ ms  median of 7");
    }

    @Test
    void stoppedServerExitsNonZeroWithAClearMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = doctor("--db-url", "jdbc:postgresql://localhost:" + closedPort + "/registrar", "--db-user", "nobody");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("Verdict:         UNHEALTHY: Nothing is listening on localhost port " + closedPort + ":")
                .containsPattern("\\n  TCP connect +failed ")
                .containsPattern("\\n  Authentication +skipped ")
                .doesNotContain("Exception");
    }

    @Test
    void databaseUpgradedByANewerAppIsUnhealthyWithAClearMessage() {
        String name = TestDatabases.freshDatabase();
        String known = Migrations.currentVersion(TestDatabases.dataSource(name));
        FutureMigrations.record(TestDatabases.jdbi(name), "999");

        Run run = doctor("--db-url", TestDatabases.jdbcUrl(name), "--db-user", "postgres", "--ssl-mode", "disable");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.UNHEALTHY);
        assertThat(run.output())
                .contains("Verdict:         UNHEALTHY: This database was upgraded by a newer Registrar (schema 999);"
                        + " this app knows schema " + known + ". Please install the newer version.");
    }

    @Test
    void embeddedDefaultIsHealthyAndOutOfDateSchemaIsNot() {
        Run run = doctor();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Target:          Embedded demo database")
                .contains("First start: generating demo data")
                .contains("Verdict:         HEALTHY");

        Run again = doctor();
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("generating demo data");
        // where a start's time went, phase by phase, this run's only
        assertThat(again.output())
                .contains("Start phases (this run):")
                .containsOnlyOnce("PostgreSQL start (pg_ctl)")
                .containsOnlyOnce("schema (Flyway)")
                .contains("pool and privileges")
                .contains("Start phases (the window's last start): none recorded");
    }

    /**
     * Issue 18: a German doctor whose start waits for another window's start, then starts the embedded server, says
     * so in German (the steps were English whatever the language), its phase times with German digits.
     */
    @Test
    void aLockedStartAndTheServersStepsAreSaidInTheChosenLanguage() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.util.concurrent.CompletableFuture<Integer> exitCode = new java.util.concurrent.CompletableFuture<>();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            CommandLine commandLine = Launcher.commandLine(); // as the launcher runs it: --language applies
            try (org.registrar.db.StartLock held = org.registrar.db.StartLock.acquire(dataHome, step -> {})) {
                Thread doctor = new Thread(() -> exitCode.complete(
                        commandLine.execute("doctor", "--data-home", dataHome.toString(), "--language", "de")));
                doctor.start();
                long deadline =
                        System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                while (!captured.toString(StandardCharsets.UTF_8).contains("Warte") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(exitCode.get(120, java.util.concurrent.TimeUnit.SECONDS))
                    .as(captured.toString(StandardCharsets.UTF_8))
                    .isZero();
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("  Warte, bis ein anderes Registrar-Fenster fertig gestartet ist…")
                .contains("  Suche nach einem Server einer früheren Sitzung…")
                .contains("  PostgreSQL wird gestartet…")
                .containsPattern("\\n  PostgreSQL ist bereit auf Port [0-9]+\\n")
                .containsPattern("PostgreSQL start \\(pg_ctl\\) +[0-9.]+ ms")
                .doesNotContain("Starting PostgreSQL", "Waiting for another");
    }

    @Test
    void olderSchemaIsUnhealthyNamesMigrateAndIsNotMigratedByTheDoctor() {
        String name = MigrateCommandTest.databaseAtBaseline();
        String expected = org.registrar.db.MigrationFiles.latestVersion();

        Run run = doctor("--db-url", TestDatabases.jdbcUrl(name), "--db-user", "postgres", "--ssl-mode", "disable");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(DoctorCommand.UNHEALTHY);
        assertThat(run.output())
                .contains("Verdict:         UNHEALTHY: schema version is 64, this app expects " + expected
                        + ": an administrator upgrades it with `registrar migrate` and the owner login (admin guide:"
                        + " Upgrading)");
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo("64");
    }
}
