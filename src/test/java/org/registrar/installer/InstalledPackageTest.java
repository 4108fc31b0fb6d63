package org.registrar.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the .deb that {@code mvn -Pinstaller package} built into a scratch root (dpkg -x) and runs its launcher
 * headless, the way a school desktop would after {@code apt install}. Runs only in the installer profile, which
 * points {@code registrar.installerDir} at the package (a plain {@code mvn verify} builds no package).
 */
@EnabledIfSystemProperty(named = "registrar.installerDir", matches = ".+")
class InstalledPackageTest {
    private static final long MAX_INSTALLED_BYTES = 120L * 1024 * 1024;

    @TempDir
    Path scratch;

    @Test
    void installedLauncherRunsDoctorHeadlessAgainstTheEmbeddedDatabase() throws Exception {
        Path root = install();
        Path app = root.resolve("opt/registrar");
        Path dataHome = scratch.resolve("data");

        Run run = run(List.of(app.resolve("bin/Registrar").toString(), "doctor", "--data-home", dataHome.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Target:          Embedded demo database")
                .contains("Verdict:         HEALTHY");
        assertThat(dataHome.resolve("logs/registrar.log")).isNotEmptyFile();
    }

    @Test
    void benchShipsBesideTheAppJarAndRunsFromTheLauncher() throws Exception {
        Path app = install().resolve("opt/registrar");
        Path appJar = app.resolve("lib/app/registrar.jar");

        try (JarFile jar = new JarFile(appJar.toFile())) {
            assertThat(jar.stream().map(JarEntry::getName))
                    .contains("org/registrar/app/Launcher.class")
                    .noneMatch(name -> name.startsWith("org/registrar/bench/"));
        }
        assertThat(app.resolve("lib/app/registrar-bench.jar")).isNotEmptyFile();
        Run help = run(List.of(app.resolve("bin/Registrar").toString(), "bench", "--help"));
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--scenario", "--students");
    }

    @Test
    void packageHasMenuEntryIconLicenseAndATrimmedRuntime() throws Exception {
        Path app = install().resolve("opt/registrar");

        assertThat(app.resolve("lib/registrar-Registrar.desktop"))
                .content()
                .contains("Exec=/opt/registrar/bin/Registrar", "Icon=/opt/registrar/lib/Registrar.png")
                .contains("Categories=Education");
        assertThat(app.resolve("lib/Registrar.png")).isNotEmptyFile();
        assertThat(app.resolve("share/doc/copyright")).content().contains("MIT License", "Registrar authors");
        assertThat(app.resolve("lib/runtime/release"))
                .content()
                .contains("java.sql", "jdk.crypto.ec", "jdk.security.auth")
                .doesNotContain("jdk.compiler", "jdk.jshell");
        assertThat(sizeOf(app)).isLessThan(MAX_INSTALLED_BYTES);
    }

    private record Run(int exitCode, String output) {}

    private Path install() throws Exception {
        Path installerDir = Path.of(System.getProperty("registrar.installerDir"));
        Path deb;
        try (Stream<Path> files = Files.list(installerDir)) {
            deb = files.filter(file -> file.getFileName().toString().matches("registrar_.*\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No registrar_*.deb in " + installerDir));
        }
        Path root = scratch.resolve("root");
        Run unpack = run(List.of("dpkg", "-x", deb.toString(), root.toString()));
        assertThat(unpack.exitCode()).as(unpack.output()).isZero();
        return root;
    }

    /** Runs a command with no display and private Java preferences; blocks until it ends (at most 5 minutes). */
    private Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(scratch, "output", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DISPLAY");
        environment.remove("WAYLAND_DISPLAY");
        environment.put("JAVA_TOOL_OPTIONS", "-Djava.util.prefs.userRoot=" + scratch.resolve("prefs"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroyForcibly();
            throw new AssertionError("Timed out: " + command + "\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }
}
