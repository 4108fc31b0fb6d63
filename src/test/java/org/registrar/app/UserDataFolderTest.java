package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataFolderTest {
    @Test
    void linuxUsesXdgDataHome() {
        assertThat(UserDataFolder.resolve("Linux", "/home/ana", Map.of("XDG_DATA_HOME", "/data/ana")))
                .isEqualTo(Path.of("/data/ana/registrar"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(UserDataFolder.resolve("Linux", "/home/ana", Map.of()))
                .isEqualTo(Path.of("/home/ana/.local/share/registrar"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(UserDataFolder.resolve(
                        "Windows 11", "C:/Users/ana", Map.of("LOCALAPPDATA", "C:/Users/ana/AppData/Local")))
                .isEqualTo(Path.of("C:/Users/ana/AppData/Local/Registrar"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(UserDataFolder.resolve("Mac OS X", "/Users/ana", Map.of()))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/Registrar"));
    }

    @Test
    void aNewDataFolderIsCreatedPrivate(@TempDir Path temp) throws Exception {
        Path dataHome = temp.resolve("a/registrar");

        UserDataFolder.makePrivate(dataHome);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataHome)))
                .isEqualTo("rwx------");
    }

    @Test
    void anExistingDataFolderOpenToOthersIsMadePrivate(@TempDir Path temp) throws Exception {
        Path dataHome = Files.createDirectory(temp.resolve("registrar"));
        Files.setPosixFilePermissions(dataHome, PosixFilePermissions.fromString("rwxrwxrwx"));

        UserDataFolder.makePrivate(dataHome);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataHome)))
                .isEqualTo("rwx------");
    }
}
