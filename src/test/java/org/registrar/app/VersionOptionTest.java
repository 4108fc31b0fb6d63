package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.Version;
import picocli.CommandLine;

/** {@code registrar --version} says what the About dialog says, headless and without starting JavaFX. */
class VersionOptionTest {
    @TempDir
    Path dataHome;

    @Test
    void versionNamesTheAppJavaJavaFxAndTheFolders() {
        StringWriter printed = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(printed, true));

        int exitCode = commandLine.execute("--version", "--data-home", dataHome.toString());

        String logDir = System.getProperty("registrar.logDir");
        Path logs = logDir == null ? dataHome.resolve("logs") : Path.of(logDir);
        assertThat(exitCode).isZero();
        assertThat(printed.toString().lines())
                .containsExactly(
                        "Registrar " + Version.current(),
                        "Java:        " + System.getProperty("java.runtime.version") + " ("
                                + System.getProperty("java.vendor") + ")",
                        "JavaFX:      21.0.11+4",
                        "Data folder: " + dataHome.toAbsolutePath(),
                        "Log folder:  " + logs.toAbsolutePath());
    }
}
