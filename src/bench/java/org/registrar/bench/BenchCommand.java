package org.registrar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
    @Option(
            names = "--scenario",
            completionCandidates = ScenarioNames.class,
            description = "A scenario name, several separated by commas, or 'all' (default). Known: ${COMPLETION-CANDIDATES}")
    String scenario = "all";

    @Option(names = "--students", description = "Demo students on a fresh embedded server (default: 1000000)")
    int students = 1_000_000;

    @Option(names = "--repetitions", description = "Repetitions per measured case (default: 15)")
    int repetitions = 15;

    @Option(
            names = "--runs",
            description = "Runs, each on a fresh server with fresh demo data (default: 1); the reference scenario"
                    + " writes each row's median over the runs to reference.md and reference.json")
    int runs = 1;

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

    /** The names {@code --scenario} accepts, for its help (a plain String option has no candidates of its own). */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BenchScenarios.all().stream().map(BenchScenario::name).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> names = List.of(scenario.split(","));
        List<BenchScenario> chosen = BenchScenarios.all().stream()
                .filter(candidate -> scenario.equals("all")
                        // the reference table re-measures the other scenarios' cases: only when named
                        ? !(candidate instanceof ReferenceBench)
                        : names.contains(candidate.name()))
                .toList();
        if (chosen.isEmpty() || (!scenario.equals("all") && chosen.size() < names.size())) {
            System.err.println("Unknown scenario " + scenario + "; known: "
                    + BenchScenarios.all().stream().map(BenchScenario::name).toList());
            return 2;
        }
        if (runs < 1) {
            System.err.println("--runs must be at least 1");
            return 2;
        }
        Files.createDirectories(out);
        System.out.printf(
                "# Registrar bench (%d cores, %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
        Map<String, List<BenchResult>> results = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int run = 1; run <= runs; run++) {
            if (runs > 1) {
                System.out.printf("## Run %d of %d%n%n", run, runs);
            }
            long runStarted = System.nanoTime();
            for (BenchResult result : runOnce(chosen)) {
                results.computeIfAbsent(result.scenario(), name -> new ArrayList<>()).add(result);
                String file = runs == 1 ? result.scenario() : result.scenario() + "-run" + run;
                Files.writeString(out.resolve(file + ".json"), result.toJson());
            }
            System.out.printf(
                    "%nRun %d took %.1f min (server start and demo data included); load average now %.2f%n",
                    run, Measurements.since(runStarted) / 60_000, ReferenceBench.loadAverage());
        }
        System.out.printf("%nAll runs: %.1f min%n", Measurements.since(started) / 60_000);
        List<BenchResult> reference = results.get("reference");
        if (reference != null) {
            BenchResult combined = ReferenceBench.combine(reference);
            System.out.println();
            System.out.println(combined.toMarkdown());
            ReferenceBench.write(combined, out, command());
            System.out.println("Written: " + out.resolve("reference.md") + " and reference.json");
        }
        return 0;
    }

    /** One run: a fresh server (and demo data when a chosen scenario needs them), each scenario once, in order. */
    private List<BenchResult> runOnce(List<BenchScenario> chosen) throws Exception {
        Path scratch = Files.createTempDirectory("registrar-bench");
        prepareLogging(scratch);
        List<BenchResult> results = new ArrayList<>();
        int demoStudents = chosen.stream().anyMatch(BenchScenario::needsDemoSchool) ? students : 0;
        try {
            if (chosen.stream().noneMatch(BenchScenario::needsServer)) {
                runAll(
                        chosen,
                        new BenchContext(
                                null,
                                size -> null,
                                students,
                                repetitions,
                                null,
                                null,
                                null,
                                saveSizes,
                                ServerStatements.none()),
                        results);
                return results;
            }
            try (BenchServer server = open(scratch, demoStudents)) {
                runAll(chosen, server.context(students, repetitions, saveSizes), results);
            }
        } finally {
            deleteQuietly(scratch);
        }
        return results;
    }

    private static void runAll(List<BenchScenario> chosen, BenchContext context, List<BenchResult> results)
            throws Exception {
        for (BenchScenario each : chosen) {
            System.out.println();
            BenchResult result = each.run(context);
            System.out.println(result.toMarkdown());
            results.add(result);
        }
    }

    /** The command line that reproduces this run (the options that change figures). */
    private String command() {
        return "java -jar target/registrar.jar bench --scenario " + scenario + " --students " + students + " --runs "
                + runs + " --repetitions " + repetitions
                + (saveSizes.isEmpty()
                        ? ""
                        : " --rows " + saveSizes.stream().map(String::valueOf).collect(Collectors.joining(",")))
                + (url == null ? "" : " --db-url " + url)
                + " --out " + out;
    }

    private BenchServer open(Path scratch, int demoStudents) throws IOException {
        if (url == null) {
            return BenchServer.embedded(scratch, poolSize, demoStudents, step -> System.out.println("  " + step));
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
