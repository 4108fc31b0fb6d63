package org.registrar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registrar bench}: runs the benchmark scenarios in one process against one server (a fresh embedded one
 * with fsync and synchronous_commit on, unless {@code --db-url} names another), prints Markdown tables and writes
 * target/bench/&lt;scenario&gt;.json.
 */
@Command(
        name = "registrar bench",
        mixinStandardHelpOptions = true,
        description = "Run the benchmark scenarios and report their figures.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scenario", description = "A scenario name, several separated by commas, or 'all' (default). Known: ${COMPLETION-CANDIDATES}")
    String scenario = "all";

    @Option(names = "--students", description = "Demo students on a fresh embedded server (default: 1000000)")
    int students = 1_000_000;

    @Option(names = "--repetitions", description = "Repetitions per measured case (default: 15)")
    int repetitions = 15;

    @Option(
            names = "--rows",
            split = ",",
            description = "Rows per save in the bulk-save scenario, separated by commas (default: 100,1000,10000,100000)")
    List<Integer> saveSizes = List.of();

    @Option(names = "--out", description = "Folder for the JSON files (default: target/bench)")
    Path out = Path.of("target", "bench");

    @Option(names = "--db-url", description = "JDBC URL of a server to measure instead of a fresh embedded one")
    String url;

    @Option(names = "--db-user", description = "Its user (the password comes from REGISTRAR_DB_PASSWORD)")
    String user;

    @Option(names = "--ssl-mode", description = "disable, allow, prefer, require, verify-ca, verify-full")
    String sslMode;

    @Option(names = "--ssl-root-cert", description = "Root certificate file for verify-ca / verify-full")
    Path sslRootCert;

    @Option(names = "--pool-size", description = "Connections of the main pool, 1-10 (default: 2, as a desktop)")
    int poolSize = ConnectionProfile.DEFAULT_POOL_SIZE;

    @Override
    public Integer call() throws Exception {
        List<String> names = List.of(scenario.split(","));
        List<BenchScenario> chosen = BenchScenarios.all().stream()
                .filter(candidate -> scenario.equals("all") || names.contains(candidate.name()))
                .toList();
        if (chosen.isEmpty() || (!scenario.equals("all") && chosen.size() < names.size())) {
            System.err.println("Unknown scenario " + scenario + "; known: "
                    + BenchScenarios.all().stream().map(BenchScenario::name).toList());
            return 2;
        }
        Path scratch = Files.createTempDirectory("registrar-bench");
        prepareLogging(scratch);
        Files.createDirectories(out);
        System.out.printf(
                "# Registrar bench (%d cores, %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
        try (BenchServer server = open(scratch)) {
            BenchContext context = server.context(students, repetitions, saveSizes);
            for (BenchScenario each : chosen) {
                System.out.println();
                BenchResult result = each.run(context);
                System.out.println(result.toMarkdown());
                Files.writeString(out.resolve(each.name() + ".json"), result.toJson());
            }
        } finally {
            deleteQuietly(scratch);
        }
        return 0;
    }

    private BenchServer open(Path scratch) throws IOException {
        if (url == null) {
            return BenchServer.embedded(scratch, poolSize, students, step -> System.out.println("  " + step));
        }
        ConnectionProfile profile = new ConnectionProfile(
                url,
                user,
                sslMode == null ? ConnectionProfile.SslMode.PREFER : ConnectionProfile.SslMode.parse(sslMode),
                sslRootCert,
                false,
                poolSize);
        String password = System.getenv("REGISTRAR_DB_PASSWORD");
        return BenchServer.configured(profile, password, step -> System.out.println("  " + step));
    }

    /** Logs of the run go to the scratch folder (unless registrar.logDir says otherwise), the driver's too. */
    private static void prepareLogging(Path scratch) throws IOException {
        Path logs = Files.createDirectories(scratch.resolve("logs"));
        if (System.getProperty("registrar.logDir") == null) {
            System.setProperty("registrar.logDir", logs.toString());
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e.getMessage());
        }
    }
}
