package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code registrar bench} runs the benchmark from registrar-bench.jar beside the app, with every argument the user
 * gave, and says plainly where it looked when the jar is not there.
 */
class BenchLauncherTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void captureConsole() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void withoutTheBenchJarItSaysWhereItLookedAndFails() {
        int exitCode = execute("--scenario", "pool");

        assertThat(exitCode).isEqualTo(BenchLauncher.NOT_INSTALLED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the benchmark is not installed", BenchLauncher.JAR, folder.toString());
    }

    @Test
    void withTheBenchJarItHandsItEveryArgument() throws Exception {
        writeBenchJar(folder.resolve(BenchLauncher.JAR));

        int exitCode = execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scenario", "--students", "--db-url");
    }

    @Test
    void theAppListsBenchAmongItsCommands() {
        String usage = Launcher.commandLine().getUsageMessage();

        assertThat(usage).contains("bench").contains(BenchLauncher.JAR);
    }

    private int execute(String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine commandLine = new CommandLine(new Launcher(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == BenchLauncher.class ? type.cast(new BenchLauncher(folder)) : defaults.create(type);
            }
        });
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    /** The jar as `mvn package` makes it, as far as the launcher reads it: its manifest names the main class. */
    private static void writeBenchJar(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.registrar.bench.BenchMain");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // the classes come from the class path here (parent first), as in the installed image
        }
    }
}
