package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerCredentialsTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({
        "ana, ana",
        "Ana, ana",
        "ana_2, ana_2",
        "ana.smith, registrar_desktop",
        "ana smith, registrar_desktop",
        "postgres, registrar_desktop",
        "pg_monitor, registrar_desktop",
        "registrar_admin, registrar_desktop",
        "public, registrar_desktop",
        "1ana, registrar_desktop",
        "'', registrar_desktop"
    })
    void theDesktopLoginIsNamedAfterTheOsAccountWhenThatNameIsPlainAndNamesNoOtherRole(String osUser, String role) {
        assertThat(ServerCredentials.desktopUserFor(osUser)).isEqualTo(role);
    }

    @Test
    void writtenForThisAccountOnlyAndReadBack() throws Exception {
        ServerCredentials credentials = ServerCredentials.generate("ana");

        credentials.write(folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(ServerCredentials.FILE))))
                .isEqualTo("rw-------");
        assertThat(ServerCredentials.read(folder)).contains(credentials);
        assertThat(credentials.toString())
                .doesNotContain(credentials.superuserPassword())
                .doesNotContain(credentials.desktopPassword());
        assertThat(credentials.superuserPassword()).hasSize(32).isNotEqualTo(credentials.desktopPassword());
    }

    @Test
    void aHugeOrForeignFileIsRefused() throws Exception {
        Files.writeString(folder.resolve(ServerCredentials.FILE), "x".repeat(10_000));

        assertThatThrownBy(() -> ServerCredentials.read(folder)).isInstanceOf(IOException.class);
    }

    @Test
    void aFileFoundOpenToOthersIsMadePrivateAndItsPasswordsAreReplaced() throws Exception {
        ServerCredentials exposed = ServerCredentials.generate("ana").withSuperuserPasswordSet();
        exposed.write(folder);
        Path file = folder.resolve(ServerCredentials.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ServerCredentials read = ServerCredentials.read(folder).orElseThrow();

        assertThat(read.superuserPassword()).isNotEqualTo(exposed.superuserPassword());
        assertThat(read.desktopPassword()).isNotEqualTo(exposed.desktopPassword());
        assertThat(read.desktopUser()).isEqualTo("ana");
        assertThat(read.superuserPasswordSet())
                .as("the new superuser password must still be stored in the server")
                .isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(ServerCredentials.read(folder)).contains(read);
    }
}
