package org.registrar.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.SchemaVersionException;
import org.registrar.health.Diagnostics;
import org.registrar.health.DiagnosticsReport;
import org.registrar.i18n.Messages;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.settings.FileIssue;
import org.registrar.settings.Key;
import org.registrar.settings.MachineFile;
import org.registrar.settings.Settings;
import org.registrar.settings.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code registrar doctor}: checks the connection headless and exits 0 only when healthy. */
@Command(name = "doctor", mixinStandardHelpOptions = true, resourceBundle = CommandHelp.BUNDLE)
final class DoctorCommand implements Callable<Integer> {
    static final int HEALTHY = 0;
    static final int UNHEALTHY = 1;
    static final int UNREACHABLE = 3;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    PrintStream out = System.out;

    @Override
    public Integer call() {
        Launcher.prepareLogging(connection.dataHome());
        Settings settings = connection.settings();
        out.println(Messages.text("cli.doctor.title"));
        printSettings(settings);
        if (settings.machineFile().hasIssues()) {
            out.println(Messages.text(
                    "cli.doctor.unhealthy",
                    Messages.text(
                            "cli.doctor.machineFileProblems",
                            settings.machineFile().issues().size())));
            return Launcher.BAD_SETTINGS;
        }
        ConnectionProfile profile = ConnectionOptions.profileOf(settings);
        String password = ConnectionOptions.passwordFromEnvironment();
        if (password == null && !profile.isEmbedded() && System.console() != null) {
            char[] typed =
                    System.console().readPassword("%s", Messages.text("start.cli.password-for", profile.describe()));
            password = typed == null ? null : new String(typed);
        }
        int earlierPhases = org.registrar.db.StartPhases.process().phases().size();
        if (!profile.isEmbedded()) {
            // the steps first: when the server cannot be used they say where it fails, and its answer (or its
            // silence) is waited for once, not again by the app's own start
            DiagnosticsReport steps = bareReport(profile, password);
            if (!steps.reachable()) {
                steps.stepLines().forEach(out::println);
                out.println(Messages.text("cli.common.target", profile.describe()));
                out.println(Messages.text("cli.doctor.unhealthy", steps.error()));
                return UNREACHABLE;
            }
        }
        try (AppContext context = Startup.open(
                profile,
                password,
                connection.dataHome(),
                Startup.DEFAULT_DEMO_STUDENTS,
                step -> out.println("  " + step),
                false)) {
            DiagnosticsReport report = new Diagnostics(context.database()).run();
            report.stepLines().forEach(out::println);
            report.lines().forEach(out::println);
            out.println("ApplicationName: " + org.registrar.db.ApplicationName.forThisDesktop());
            printStartPhases(connection.dataHome(), earlierPhases);
            return report.healthy() ? HEALTHY : report.reachable() ? UNHEALTHY : UNREACHABLE;
        } catch (RuntimeException error) {
            String reason = DatabaseErrors.describeConnect(error);
            if (!profile.isEmbedded() && !isSchemaMismatch(error)) {
                reason = stepByStep(profile, password, reason);
            }
            out.println(Messages.text("cli.common.target", profile.describe()));
            out.println(Messages.text("cli.doctor.unhealthy", reason));
            return isSchemaMismatch(error) ? UNHEALTHY : UNREACHABLE;
        }
    }

    /**
     * Each effective setting, its value and where it came from; then every problem of the machine file with its line.
     * A server URL is shown without what may hold a password.
     */
    private void printSettings(Settings settings) {
        MachineFile machine = settings.machineFile();
        out.println(Messages.text(
                machine.present() ? "cli.doctor.settings" : "cli.doctor.settingsNoFile",
                String.valueOf(machine.path())));
        for (Settings.Setting setting : settings.all()) {
            String value = setting.value() == null
                    ? Messages.text("cli.doctor.notSet")
                    : setting.key() == Key.SERVER_URL ? ConnectionProfile.redact(setting.value()) : setting.value();
            out.printf("  %-26s %-40s %s%n", setting.key().key(), value, words(setting.source()));
        }
        for (FileIssue issue : machine.issues()) {
            out.println("  " + Messages.text("cli.doctor.problem", issue.describe()));
        }
    }

    /** Where a setting came from, in the messages' language (Source's own words are the English form). */
    static String words(Source source) {
        return switch (source) {
            case COMMAND_LINE -> Messages.text("cli.doctor.source.commandLine");
            case MACHINE_LOCKED -> Messages.text("cli.doctor.source.machineLocked");
            case USER -> Messages.text("cli.doctor.source.user");
            case MACHINE_DEFAULT -> Messages.text("cli.doctor.source.machineDefault");
            case BUILT_IN -> Messages.text("cli.doctor.source.builtIn");
            case NOT_SET -> Messages.text("cli.doctor.source.notSet");
        };
    }

    /**
     * The server could not be used: runs the steps on a bare pool to show where it fails, and returns the failed
     * step's reason (or {@code reason} when every step passed, the failure having been passing).
     */
    private String stepByStep(ConnectionProfile profile, String password, String reason) {
        DiagnosticsReport report = bareReport(profile, password);
        report.stepLines().forEach(out::println);
        return report.reachable() ? reason : report.error();
    }

    /** The steps on a pool of their own, which is closed again. Blocking. */
    private static DiagnosticsReport bareReport(ConnectionProfile profile, String password) {
        try (Database bare = Database.open(profile, profile.url(), password, new QueryMetrics(), new PoolMetrics())) {
            return new Diagnostics(bare).run();
        }
    }

    /** Where this run's start and the window's last start spent their time (also in the log, at INFO). */
    private void printStartPhases(java.nio.file.Path dataHome, int earlierPhases) {
        out.println(Messages.text("cli.doctor.phasesThisRun"));
        java.util.List<org.registrar.db.StartPhases.Phase> phases =
                org.registrar.db.StartPhases.process().phases();
        phases.subList(earlierPhases, phases.size()).forEach(phase -> out.println("  " + phase.line()));
        java.util.List<String> window = org.registrar.db.StartPhases.saved(dataHome.resolve(FirstPageWatch.FILE));
        out.println(
                window.isEmpty()
                        ? Messages.text("cli.doctor.phasesWindowNone")
                        : Messages.text("cli.doctor.phasesWindow"));
        window.forEach(line -> out.println("  " + line));
        // ADR 0061: whether this start mapped the installation's class-data archive (made by the .deb's postinst)
        out.println(ClassDataArchive.stateInWords());
    }

    /** The server answered, but its schema is not one this app can use: reachable, yet unhealthy. */
    private static boolean isSchemaMismatch(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaVersionException) {
                return true;
            }
        }
        return false;
    }
}
