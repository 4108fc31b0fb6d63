package org.registrar.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.registrar.db.Version;
import org.registrar.i18n.Messages;

/**
 * What {@code registrar --version} prints and the About dialog shows: the app's version, the Java and JavaFX
 * versions it runs on, and where its data and logs are. Read without starting JavaFX. Immutable.
 */
record AboutInfo(String appVersion, String javaVersion, String javaFxVersion, Path dataFolder, Path logFolder) {

    /** This run's versions; {@code dataHome} as the command line or the default chose it. */
    static AboutInfo of(Path dataHome) {
        String logDir = System.getProperty("registrar.logDir");
        return new AboutInfo(
                Version.current(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vendor", Messages.text("start.about.unknown-vendor")) + ")",
                readJavaFxVersion(),
                dataHome.toAbsolutePath(),
                logDir != null
                        ? Path.of(logDir).toAbsolutePath()
                        : dataHome.resolve("logs").toAbsolutePath());
    }

    /** Label and value per line, in the order shown. */
    List<String[]> rows() {
        return List.of(
                new String[] {Messages.text("cli.about.version"), appVersion},
                new String[] {"Java", javaVersion},
                new String[] {"JavaFX", javaFxVersion},
                new String[] {Messages.text("cli.about.dataFolder"), dataFolder.toString()},
                new String[] {Messages.text("cli.about.logFolder"), logFolder.toString()});
    }

    /** The lines {@code --version} prints: "Registrar 1.2.0", then one line per other row. */
    List<String> lines() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("Registrar " + appVersion),
                        rows().stream().skip(1).map(row -> String.format("%-12s %s", row[0] + ":", row[1])))
                .toList();
    }

    /**
     * JavaFX writes its version into javafx.properties inside javafx.base; the system property javafx.runtime.version
     * exists only once the toolkit has started, which the command line never does.
     */
    private static String readJavaFxVersion() {
        try (InputStream in = javafx.util.Duration.class.getResourceAsStream("/javafx.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("javafx.runtime.version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the toolkit's property
        }
        return System.getProperty("javafx.runtime.version", Messages.text("start.about.unknown"));
    }
}
