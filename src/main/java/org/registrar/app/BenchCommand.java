package org.registrar.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.registrar.bench.BenchContext;
import org.registrar.bench.BenchResult;
import org.registrar.bench.BenchScenario;
import org.registrar.bench.BenchScenarios;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.EmbeddedServer;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrar bench}: runs the benchmark scenarios in one process against one server (a fresh embedded one
 * with fsync and synchronous_commit on, unless {@code --db-url} names another), prints Markdown tables and writes
 * target/bench/&lt;scenario&gt;.json.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run the benchmark scenarios and report their figures.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--scenario", description = "A scenario name or 'all' (default). Known: ${COMPLETION-CANDIDATES}")
    String scenario = "all";

    @Option(names = "--students", description = "Demo students on a fresh embedded server (default: 1000000)")
    int students = 1_000_000;

    @Option(names = "--repetitions", description = "Repetitions per measured case (default: 15)")
    int repetitions = 15;

    @Option(names = "--out", description = "Folder for the JSON files (default: target/bench)")
    Path out = Path.of("target", "bench");

    @Override
    public Integer call() throws Exception {
        List<BenchScenario> chosen = BenchScenarios.all().stream()
                .filter(candidate -> scenario.equals("all") || candidate.name().equals(scenario))
                .toList();
        if (chosen.isEmpty()) {
            System.err.println("Unknown scenario " + scenario + "; known: "
                    + BenchScenarios.all().stream().map(BenchScenario::name).toList());
            return 2;
        }
        Path scratch = Files.createTempDirectory("registrar-bench");
        Launcher.prepareLogging(scratch);
        Files.createDirectories(out);
        ConnectionProfile profile = connection.profile().orElse(ConnectionProfile.embedded());
        String password = ConnectionOptions.passwordFromEnvironment();
        System.out.printf(
                "# Registrar bench (%d cores, %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
        try (AppContext context =
                Startup.open(profile, password, scratch, students, step -> System.out.println("  " + step))) {
            String url = context.jdbcUrl();
            // benches create and drop their own tables: on the scratch embedded server they run as its superuser
            EmbeddedServer.Login login = context.embedded()
                    ? context.embeddedServer().superuser()
                    : new EmbeddedServer.Login(profile.user(), password);
            ConnectionProfile benchProfile = new ConnectionProfile(
                    profile.url(),
                    login.user(),
                    profile.sslMode(),
                    profile.sslRootCert(),
                    profile.pgBouncer(),
                    profile.poolSize());
            Database main = context.embedded()
                    ? Database.open(
                            benchProfile,
                            url,
                            login.password(),
                            context.database().queryMetrics(),
                            new PoolMetrics())
                    : context.database();
            BenchContext benchContext = new BenchContext(
                    main,
                    poolSize -> Database.open(
                            benchProfile.withPoolSize(poolSize),
                            url,
                            login.password(),
                            new QueryMetrics(),
                            new PoolMetrics()),
                    students,
                    repetitions,
                    url,
                    login.user(),
                    login.password());
            try {
                for (BenchScenario each : chosen) {
                    System.out.println();
                    BenchResult result = each.run(benchContext);
                    System.out.println(result.toMarkdown());
                    Files.writeString(out.resolve(each.name() + ".json"), result.toJson());
                }
            } finally {
                if (main != context.database()) {
                    main.close();
                }
            }
        } finally {
            deleteQuietly(scratch);
        }
        return 0;
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e.getMessage());
        }
    }
}
