package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ADR 0058: logging is prepared before the command line is parsed only when the arguments surely open the window, and
 * for the data folder the command line will name; anything else waits for the command, as before.
 */
class EarlyLoggingTest {
    @Test
    void theWindowsDataFolderIsReadAsTheCommandLineReadsIt() {
        assertThat(EarlyLogging.windowDataHome(
                        new String[] {"--demo", "--data-home", "/tmp/a", "--demo-students", "5"}))
                .contains(Path.of("/tmp/a"));
        assertThat(EarlyLogging.windowDataHome(new String[] {"--data-home=/tmp/b"}))
                .contains(Path.of("/tmp/b"));
        assertThat(EarlyLogging.windowDataHome(new String[] {"--data-home", "demo"}))
                .contains(Path.of("demo"));
        assertThat(EarlyLogging.windowDataHome(new String[] {})).contains(UserDataFolder.resolve());
    }

    @Test
    void nothingIsPreparedForASubcommandHelpOrAnythingUncertain() {
        assertThat(EarlyLogging.windowDataHome(new String[] {"doctor", "--data-home", "/tmp/a"}))
                .isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--data-home", "/tmp/a", "demo"}))
                .isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--user", "migrate"}))
                .isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--help"})).isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--version"})).isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"@options.txt"})).isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--data-home", "/a", "--data-home", "/b"}))
                .isEmpty();
        assertThat(EarlyLogging.windowDataHome(new String[] {"--data-home"})).isEmpty();
    }
}
