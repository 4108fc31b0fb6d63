package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0061: the class-data archive is made by a JVM of its own for one class path, mapped by JVMs started with that
 * class path, and ignored (the program still runs, as without it) when it is stale, unreadable or missing. Real JVMs:
 * the archive is read back by a child JVM that logs where each class came from.
 */
class ClassDataArchiveTest {
    private static final String PROBE = ClassDataProbe.class.getName();
    private static final String FROM_ARCHIVE = PROBE + " source: shared objects file";

    @TempDir
    Path folder;

    @Test
    void aJvmWithTheSameClassPathMapsTheArchive() throws Exception {
        Path jar = probeJar("one");
        Path archive = folder.resolve("app.jsa");

        assertThat(ClassDataArchive.make(archive, jar.toString(), classList())).isTrue();

        String output = run(archive, jar);
        assertThat(output).contains("probe ran").contains(FROM_ARCHIVE).contains("class data sharing: on, from ");
        assertThat(folder.toFile().list())
                .as("no class list or half-written archive left beside it")
                .containsExactlyInAnyOrder("app.jsa", "app.jsa.log", "probe.jar");
    }

    @Test
    void aStaleArchiveIsIgnoredAndTheProgramStillRuns() throws Exception {
        Path jar = probeJar("one");
        Path archive = folder.resolve("app.jsa");
        assertThat(ClassDataArchive.make(archive, jar.toString(), classList())).isTrue();
        // an updated app: the jar the archive was made from is replaced
        probeJar("a later version with other contents");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        String output = run(archive, jar);
        assertThat(output)
                .contains("probe ran")
                .doesNotContain(FROM_ARCHIVE)
                .contains("is stale, unreadable or missing");
    }

    @Test
    void anUnreadableOrMissingArchiveIsIgnored() throws Exception {
        Path jar = probeJar("one");
        Path garbage = folder.resolve("garbage.jsa");
        Files.write(garbage, "not an archive".repeat(1000).getBytes(StandardCharsets.UTF_8));

        assertThat(run(garbage, jar)).contains("probe ran").doesNotContain(FROM_ARCHIVE);
        assertThat(run(folder.resolve("missing.jsa"), jar))
                .contains("probe ran")
                .doesNotContain(FROM_ARCHIVE);
    }

    @Test
    void aFailedDumpKeepsTheArchiveThatWasThere() throws Exception {
        Path jar = probeJar("one");
        Path archive = folder.resolve("app.jsa");
        Files.writeString(archive, "the earlier archive");
        InputStream malformed =
                new ByteArrayInputStream("java/lang/String id: x super: y\n".getBytes(StandardCharsets.UTF_8));

        assertThat(ClassDataArchive.make(archive, jar.toString(), malformed)).isFalse();

        assertThat(Files.readString(archive)).isEqualTo("the earlier archive");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("app.jsa", "app.jsa.log", "probe.jar");
    }

    @Test
    void theShippedClassListNamesTheStartsOwnClasses() throws Exception {
        try (InputStream shipped = ClassDataArchive.class.getResourceAsStream(ClassDataArchive.CLASS_LIST)) {
            assertThat(shipped).as("the class list in the jar").isNotNull();
            List<String> names = List.of(new String(shipped.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            assertThat(names)
                    .anyMatch(line -> line.startsWith("org/registrar/app/Launcher"))
                    .anyMatch(line -> line.startsWith("org/registrar/app/RegistrarApp"))
                    .anyMatch(line -> line.startsWith("javafx/scene/control/TableView"));
        }
    }

    /** A list as the JVM writes it: a few of the JDK's classes and the probe. */
    private static InputStream classList() {
        String list = String.join(
                "\n", "java/lang/Object", "java/lang/String", "java/lang/System", PROBE.replace('.', '/'), "");
        return new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8));
    }

    /** probe.jar: the probe's and ClassDataArchive's class files, and {@code contents} as a text entry (a later jar differs in size). */
    private Path probeJar(String contents) throws IOException {
        Path jar = folder.resolve("probe.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(ClassDataProbe.class, ClassDataArchive.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                try (InputStream classFile = type.getResourceAsStream("/" + entry)) {
                    out.putNextEntry(new JarEntry(entry));
                    classFile.transferTo(out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("contents.txt"));
            out.write(contents.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Runs the probe in a child JVM started as the app's launcher starts it; returns what it printed. */
    private static String run(Path archive, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ClassDataArchive.options(archive));
        command.addAll(List.of("-Xlog:class+load=info", "-cp", jar.toString(), PROBE));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("exit of the child JVM").isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
