package org.registrar.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.registrar.db.PrivateFolder;

/**
 * Where Registrar keeps the embedded database, drafts and logs: XDG_DATA_HOME/registrar on Linux,
 * %LOCALAPPDATA%\Registrar on Windows, ~/Library/Application Support/Registrar on macOS. The system property
 * {@code registrar.dataHome} overrides it (tests, portable installs). It holds drafts (students' scores), logs and
 * the embedded server, so it is private to the OS account: created with mode 0700, tightened if found looser.
 */
final class UserDataFolder {
    private UserDataFolder() {}

    static Path resolve() {
        String override = System.getProperty("registrar.dataHome");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    static Path resolve(String osName, String userHome, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null ? Path.of(localAppData) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Registrar");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Registrar");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("registrar");
    }

    /**
     * Creates {@code dataHome} readable by this OS account only, or narrows an existing one to that (0700); refuses
     * a folder another account owns. Blocking file I/O.
     */
    static Path makePrivate(Path dataHome) throws IOException {
        return PrivateFolder.ensure(dataHome);
    }
}
