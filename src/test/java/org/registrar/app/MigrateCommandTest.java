package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.FutureMigrations;
import org.registrar.db.MigrationFiles;
import org.registrar.db.Migrations;
import org.registrar.db.OldChain;
import org.registrar.db.TestDatabases;

/** {@code registrar migrate [--dry-run]}: the schema owner's headless upgrade of a school server. */
class MigrateCommandTest {
    @TempDir
    Path dataHome;

    record Run(int exitCode, String output) {}

    /** Runs {@code registrar migrate} with {@code args}, its output captured. */
    static Run migrate(Path dataHome, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            String[] all = new String[args.length + 3];
            all[0] = "migrate";
            all[1] = "--data-home";
            all[2] = dataHome.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            int exitCode = Launcher.commandLine().execute(all);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** A database made by the 1.0 baseline alone (B64), as a 1.0 desktop left it: V65 and later are pending. */
    static String databaseAtBaseline() {
        String name = TestDatabases.emptyDatabase();
        Flyway.configure()
                .dataSource(TestDatabases.dataSource(name))
                .locations("classpath:db/migration")
                .target("64")
                .load()
                .migrate();
        return name;
    }

    static String[] as(String database, String login, String... more) {
        String[] connection = {"--db-url", TestDatabases.jdbcUrl(database), "--db-user", login, "--ssl-mode", "disable"
        };
        String[] all = new String[connection.length + more.length];
        System.arraycopy(connection, 0, all, 0, connection.length);
        System.arraycopy(more, 0, all, connection.length, more.length);
        return all;
    }

    @Test
    void dryRunListsThePendingMigrationsAndChangesNothing() {
        String name = databaseAtBaseline();
        List<String> before = history(name);

        Run run = migrate(dataHome, as(name, "postgres", "--dry-run"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.DONE);
        assertThat(run.output())
                .contains("Schema version:  64 (this Registrar knows " + MigrationFiles.latestVersion() + ")")
                .containsPattern("\\n  V65 +mentors maintained summaries\\n")
                .containsPattern("\\n  V66 +mentors of a class by index\\n")
                .contains("Dry run: nothing was changed.");
        assertThat(history(name)).isEqualTo(before);
    }

    @Test
    void migrateAppliesThePendingMigrationsAndSaysWhatItDid() {
        String name = databaseAtBaseline();

        Run run = migrate(dataHome, as(name, "postgres"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.DONE);
        String latest = MigrationFiles.latestVersion();
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo(latest);
        assertThat(run.output())
                .containsPattern("\\n  V65 +mentors maintained summaries +applied in [0-9]+ ms\\n")
                .contains("Done: schema " + latest + ".");

        Run again = migrate(dataHome, as(name, "postgres"));
        assertThat(again.exitCode()).as(again.output()).isEqualTo(MigrateCommand.DONE);
        assertThat(again.output()).contains("Nothing to apply: the schema is up to date (" + latest + ").");
    }

    @Test
    void loginThatIsNotTheSchemaOwnerIsRefusedAndNothingChanges() {
        String name = databaseAtBaseline();
        String login = "clerk_" + name;
        TestDatabases.jdbi(name)
                .useHandle(handle -> handle.execute("CREATE ROLE " + login + " LOGIN IN ROLE registrar_admin"));
        List<String> before = history(name);

        Run run = migrate(dataHome, as(name, login));
        Run dryRun = migrate(dataHome, as(name, login, "--dry-run"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.NOT_OWNER);
        assertThat(run.output())
                .contains("The login " + login + " may not upgrade this database: its tables belong to"
                        + " registrar_owner, and " + login + " is neither a member of it nor a superuser."
                        + " Run migrate with the owner login (admin guide: Upgrading).")
                .contains("Nothing was changed.");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(MigrateCommand.NOT_OWNER);
        assertThat(dryRun.output()).containsPattern("\\n  V65 +mentors maintained summaries\\n");
        assertThat(history(name)).isEqualTo(before);
    }

    /** Issue 18: why a login may not upgrade was English under a German migrate (and on a German start). */
    @Test
    void loginThatIsNotTheSchemaOwnerIsToldWhyInTheChosenLanguage() {
        String name = databaseAtBaseline();
        String login = "klerk_" + name;
        TestDatabases.jdbi(name)
                .useHandle(handle -> handle.execute("CREATE ROLE " + login + " LOGIN IN ROLE registrar_admin"));

        Run run = migrate(dataHome, as(name, login, "--language", "de"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.NOT_OWNER);
        assertThat(run.output())
                .contains("Die Anmeldung " + login + " darf diese Datenbank nicht aktualisieren: Die Tabellen gehören"
                        + " registrar_owner, und " + login + " ist weder Mitglied dieser Rolle noch Superuser."
                        + " Führen Sie migrate mit der Anmeldung des Eigentümers aus (Administratorhandbuch:"
                        + " Aktualisieren).")
                .doesNotContain("may not upgrade");
    }

    @Test
    void memberOfTheOwnerRoleMigratesOnceTheOwnerRoleMayCreateInTheSchema() {
        String name = databaseAtBaseline();
        String login = "owner_" + name;
        Jdbi jdbi = TestDatabases.jdbi(name);
        jdbi.useHandle(handle -> {
            handle.execute("CREATE ROLE " + login + " LOGIN IN ROLE registrar_owner");
            handle.execute("GRANT CREATE ON SCHEMA public TO " + login);
            handle.execute("GRANT ALL ON flyway_schema_history TO " + login);
        });

        Run refused = migrate(dataHome, as(name, login));
        jdbi.useHandle(handle -> handle.execute("GRANT CREATE ON SCHEMA public TO registrar_owner"));
        Run run = migrate(dataHome, as(name, login));

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(MigrateCommand.NOT_OWNER);
        assertThat(refused.output())
                .contains("registrar_owner, to which the migrations hand new tables, may not create tables in schema"
                        + " public (GRANT CREATE ON SCHEMA public TO registrar_owner).");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.DONE);
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo(MigrationFiles.latestVersion());
    }

    @Test
    void databaseUpgradedByANewerAppIsRefusedAndNothingChanges() {
        String name = TestDatabases.freshDatabase();
        String known = Migrations.currentVersion(TestDatabases.dataSource(name));
        FutureMigrations.record(TestDatabases.jdbi(name), "999");
        List<String> before = history(name);

        Run run = migrate(dataHome, as(name, "postgres"));
        Run dryRun = migrate(dataHome, as(name, "postgres", "--dry-run"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.NEWER_SCHEMA);
        assertThat(run.output())
                .contains("This database was upgraded by a newer Registrar (schema 999); this app knows schema " + known
                        + ". Please install the newer version.");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(MigrateCommand.NEWER_SCHEMA);
        assertThat(history(name)).isEqualTo(before);
    }

    @Test
    void historyThatDiffersIsRefusedByTheDryRunToo(@TempDir Path oldFiles) throws IOException {
        String name = TestDatabases.emptyDatabase();
        OldChain.build(TestDatabases.dataSource(name), "64", OldChain.files(oldFiles));
        TestDatabases.jdbi(name)
                .useHandle(handle ->
                        handle.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '60'"));

        Run dryRun = migrate(dataHome, as(name, "postgres", "--dry-run"));
        Run run = migrate(dataHome, as(name, "postgres"));

        assertThat(dryRun.exitCode()).as(dryRun.output()).isEqualTo(MigrateCommand.HISTORY_DIFFERS);
        assertThat(dryRun.output())
                .contains("This database's schema history does not match this Registrar's migrations (Migration"
                        + " checksum mismatch for migration version 60")
                .doesNotContain("V65");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.HISTORY_DIFFERS);
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo("64");
    }

    @Test
    void serverThatCannotBeReachedIsSaidWithItsOwnExitCode() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = migrate(
                dataHome, "--db-url", "jdbc:postgresql://localhost:" + closedPort + "/registrar", "--db-user", "owner");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.UNREACHABLE);
        assertThat(run.output())
                .contains("Failed: Database unavailable: Connection to localhost:" + closedPort + " refused.")
                .doesNotContain("Exception");
    }

    @Test
    void embeddedDatabaseIsNotATargetAndTheReasonIsSaid() {
        Run run = migrate(dataHome);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.output())
                .contains("migrate upgrades a school server: give --db-url and --db-user (the owner login).")
                .contains("The embedded demo database is upgraded by Registrar itself when it starts.");
    }

    private static List<String> history(String database) {
        Jdbi jdbi = TestDatabases.jdbi(database);
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT installed_rank || ' ' || coalesce(version, '') || ' ' || checksum"
                                + " FROM flyway_schema_history ORDER BY installed_rank")
                        .mapTo(String.class)
                        .list());
    }
}
