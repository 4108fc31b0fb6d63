package org.registrar.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.MigrationPlan;
import org.registrar.db.Migrations;
import org.registrar.db.SchemaOwnerCheck;
import org.registrar.db.SchemaVersionException;
import org.registrar.i18n.Messages;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrar migrate [--dry-run]}: the schema owner upgrades a school server's schema headless, through the
 * same migration code the app runs at start (ADR 0052). Lists what is pending, refuses a newer schema, a history
 * that differs and a login that does not own the schema before anything changes, then applies and says what it did.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, resourceBundle = CommandHelp.BUNDLE)
final class MigrateCommand implements Callable<Integer> {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int UNREACHABLE = 3;
    static final int NEWER_SCHEMA = 4;
    static final int NOT_OWNER = 5;
    static final int HISTORY_DIFFERS = 6;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--dry-run")
    boolean dryRun;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        Launcher.prepareLogging(connection.dataHome());
        ConnectionProfile profile = connection.resolve();
        if (profile.isEmbedded()) {
            out.println(Messages.text("cli.migrate.embedded"));
            out.println(Messages.text("cli.migrate.embeddedItself"));
            return Launcher.BAD_SETTINGS;
        }
        out.println(dryRun ? Messages.text("cli.migrate.titleDryRun") : Messages.text("cli.migrate.title"));
        out.println(Messages.text("cli.common.target", profile.describe()));
        try (Database database =
                Database.open(profile, profile.url(), password(profile), new QueryMetrics(), new PoolMetrics())) {
            return migrate(database);
        } catch (SchemaVersionException refused) {
            out.println(refused.getMessage());
            return exitCode(refused);
        } catch (RuntimeException error) {
            out.println(Messages.text("cli.common.failed", DatabaseErrors.describeConnect(error)));
            return cannotUse(error) ? UNREACHABLE : FAILED;
        }
    }

    private int migrate(Database database) {
        MigrationPlan plan = database.migrationPlan();
        out.println(Messages.text("cli.migrate.schemaVersion", shown(plan.current()), shown(plan.newest())));
        printPlan(plan);
        Optional<String> refusal = SchemaOwnerCheck.refusal(database.jdbi());
        if (refusal.isPresent()) {
            out.println(refusal.get());
            out.println(Messages.text("cli.migrate.nothingChanged"));
            return NOT_OWNER;
        }
        if (dryRun) {
            out.println(Messages.text("cli.migrate.dryRunDone"));
            return DONE;
        }
        if (plan.upToDate()) {
            out.println(Messages.text("cli.migrate.upToDate", plan.current()));
            return DONE;
        }
        String version = database.migrate();
        Set<String> pending =
                plan.pending().stream().map(MigrationPlan.Step::name).collect(Collectors.toSet());
        List<MigrationPlan.Step> applied = database.appliedMigrations().stream()
                .filter(step -> pending.contains(step.name()))
                .toList();
        out.println(Messages.text("cli.migrate.applied"));
        applied.forEach(step -> out.println(String.format("  %-5s %-50s ", step.name(), step.description())
                + Messages.text("cli.migrate.appliedStep", step.millis())));
        plan.corrections()
                .forEach(correction -> out.println("  " + Messages.text("cli.migrate.checksumCorrected", correction)));
        out.println(Messages.text("cli.migrate.done", version));
        return DONE;
    }

    /** A schema version as people read it: an empty database's placeholder in words. */
    private static String shown(String version) {
        return Migrations.NONE.equals(version) ? Messages.text("cli.migrate.noSchema") : version;
    }

    private void printPlan(MigrationPlan plan) {
        if (plan.pending().isEmpty()) {
            out.println(Messages.text("cli.migrate.pendingNone"));
        } else {
            out.println(Messages.text("cli.migrate.pending", plan.pending().size()));
            plan.pending().forEach(step -> out.printf("  %-5s %s%n", step.name(), step.description()));
        }
        if (!plan.corrections().isEmpty()) {
            out.println(Messages.text("cli.migrate.corrections"));
            plan.corrections().forEach(correction -> out.println("  " + correction));
        }
    }

    /** The server was not reached, or refused the login or the TLS check: as doctor's exit code 3. */
    private static boolean cannotUse(RuntimeException error) {
        return switch (DatabaseErrors.classify(error)) {
            case UNAVAILABLE, TIMEOUT, LOGIN, TLS -> true;
            default -> false;
        };
    }

    /** REGISTRAR_DB_PASSWORD, else typed at the console when there is one (as doctor asks), else none. */
    private static String password(ConnectionProfile profile) {
        String password = ConnectionOptions.passwordFromEnvironment();
        if (password == null && System.console() != null) {
            char[] typed =
                    System.console().readPassword("%s", Messages.text("start.cli.password-for", profile.describe()));
            password = typed == null ? null : new String(typed);
        }
        return password;
    }

    private static int exitCode(SchemaVersionException refused) {
        return switch (refused.kind()) {
            case NEWER_THAN_APP -> NEWER_SCHEMA;
            case LOGIN_MAY_NOT_UPGRADE -> NOT_OWNER;
            case HISTORY_DIFFERS -> HISTORY_DIFFERS;
        };
    }
}
