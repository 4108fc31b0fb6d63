package org.registrar.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine-wide settings file: where each OS keeps it, what it sets and locks, and every way it can be wrong. */
class MachineFileTest {
    @TempDir
    Path folder;

    private Path write(String text) throws Exception {
        Path file = folder.resolve("registrar.properties");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void eachOperatingSystemHasItsPlace() {
        assertThat(MachineFile.defaultLocation("Linux", Map.of()))
                .isEqualTo(Path.of("/etc/registrar/registrar.properties"));
        assertThat(MachineFile.defaultLocation("Mac OS X", Map.of()))
                .isEqualTo(Path.of("/Library/Application Support/Registrar/registrar.properties"));
        assertThat(MachineFile.defaultLocation("Windows 11", Map.of("ProgramData", "D:\\Data"))
                        .toString())
                .contains("D:\\Data")
                .endsWith("registrar.properties")
                .contains("Registrar");
    }

    @Test
    void theTestsNeverReadThisMachinesOwnFile() {
        assertThat(MachineFile.defaultLocation().toString()).doesNotStartWith("/etc");
    }

    @Test
    void readsValuesAndLockedKeys() throws Exception {
        Path file = write(String.join(
                "\n",
                "# Registrar for Example School",
                "server.host = db.school.example",
                "server.port=5433",
                "server.sslmode: VERIFY-FULL",
                "server.sslrootcert=/etc/registrar/school-ca.pem",
                "login.hint=ana",
                "demo.allowed=FALSE",
                "health.warnSeconds=60",
                "locked = server.host, server.sslmode,\\",
                "   demo.allowed",
                ""));

        MachineFile machine = MachineFile.read(file, true);

        assertThat(machine.issues()).isEmpty();
        assertThat(machine.values())
                .containsEntry(Key.SERVER_HOST, "db.school.example")
                .containsEntry(Key.SERVER_PORT, "5433")
                .containsEntry(Key.SERVER_SSLMODE, "verify-full")
                .containsEntry(Key.DEMO_ALLOWED, "false")
                .containsEntry(Key.HEALTH_WARN_SECONDS, "60")
                .containsEntry(Key.LOGIN_HINT, "ana");
        assertThat(machine.locked()).containsExactlyInAnyOrder(Key.SERVER_HOST, Key.SERVER_SSLMODE, Key.DEMO_ALLOWED);
    }

    @Test
    void everyMistakeIsNamedWithItsLineAndKey() throws Exception {
        Path file = write(String.join(
                "\n",
                "server.host=db.school.example",
                "server.port=abc",
                "# a comment",
                "server.sslmode=maybe",
                "server.hots=db2",
                "locked=server.host,server.colour",
                "just some words",
                "pool.size=40",
                "server.host=again",
                "demo.allowed=yes",
                "server.url=jdbc:postgresql://db/registrar?sslfactory=x"));

        MachineFile machine = MachineFile.read(file, true);

        assertThat(machine.issues())
                .extracting(FileIssue::describe)
                .containsExactly(
                        file + " line 2, server.port: “abc” is not a port number (1-65535)",
                        file + " line 4, server.sslmode: “maybe” is not one of disable, allow, prefer, require,"
                                + " verify-ca, verify-full",
                        file + " line 5, server.hots: is not a Registrar setting (see the sample in the admin guide"
                                + " for the names)",
                        file + " line 7, just: has no '=': write just=value",
                        file + " line 8, pool.size: “40” is not a pool size (1-10)",
                        file + " line 9, server.host: is set again (first on line 1)",
                        file + " line 10, demo.allowed: “yes” is not true or false",
                        file + " line 11, server.url: The database URL may not carry driver options (the part after"
                                + " '?'). Use the profile's own fields for TLS, PgBouncer and pool size.",
                        file + " line 6, locked: names “server.colour”, which is not a Registrar setting");
        assertThat(machine.values()).containsOnlyKeys(Key.SERVER_HOST);
        assertThat(machine.locked()).containsExactly(Key.SERVER_HOST);
    }

    @Test
    void aKeyInTheWrongCaseIsPointedToItsName() throws Exception {
        MachineFile machine = MachineFile.read(write("Server.Host=db\n"), true);

        assertThat(machine.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(1);
            assertThat(issue.problem()).contains("did you mean server.host?");
        });
    }

    @Test
    void aLineAfterAContinuationKeepsItsOwnNumber() throws Exception {
        MachineFile machine = MachineFile.read(write("locked=server.host,\\\n  login.hint\nserver.port=0\n"), true);

        assertThat(machine.issues()).singleElement().extracting(FileIssue::line).isEqualTo(3);
        assertThat(machine.locked()).containsExactlyInAnyOrder(Key.SERVER_HOST, Key.LOGIN_HINT);
    }

    @Test
    void noFileAtTheOsPlaceIsNoSettingsButAGivenFileMustExist() {
        Path missing = folder.resolve("absent.properties");

        assertThat(MachineFile.read(missing, false).present()).isFalse();
        assertThat(MachineFile.read(missing, false).issues()).isEmpty();
        assertThat(MachineFile.read(missing, true).issues())
                .extracting(FileIssue::describe)
                .containsExactly(missing + ": the file does not exist");
    }

    @Test
    void aFolderIsRefused() throws Exception {
        Path dir = Files.createDirectory(folder.resolve("registrar.properties"));

        assertThat(MachineFile.read(dir, true).issues())
                .extracting(FileIssue::problem)
                .containsExactly("is a folder, not a file");
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = folder.resolve("fifo.properties");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");

        // opening a FIFO no one writes to blocks forever: reading it must not
        MachineFile machine = MachineFile.read(fifo, true);

        assertThat(machine.issues())
                .extracting(FileIssue::problem)
                .containsExactly("is not a regular file (a pipe, device or socket); it was not opened");
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        Path huge = folder.resolve("huge.properties");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(4L * 1024 * 1024 * 1024); // sparse: 4 GiB that take no disk
        }
        Files.setPosixFilePermissions(huge, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(MachineFile.read(huge, true).issues())
                .extracting(FileIssue::problem)
                .containsExactly("is 4294967296 bytes, more than the 65536 a settings file may have");
    }

    @Test
    void aFileEveryUserMayChangeIsNotTrusted() throws Exception {
        Path file = write("server.host=db.school.example\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        MachineFile machine = MachineFile.read(file, true);

        assertThat(machine.values()).isEmpty();
        assertThat(machine.issues())
                .extracting(FileIssue::problem)
                .containsExactly("may be changed by every user of this computer (mode o+w), so it is not trusted;"
                        + " make it writable by administrators only (chmod 644)");
    }

    @Test
    void aFileInAFolderEveryUserMayChangeIsNotTrusted() throws Exception {
        Path open = Files.createDirectory(folder.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = open.resolve("registrar.properties");
        Files.writeString(file, "server.host=db.school.example\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(MachineFile.read(file, true).issues())
                .extracting(FileIssue::problem)
                .singleElement()
                .asString()
                .contains("is in a folder every user of this computer may change");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws Exception {
        Path file = write("");
        Files.write(file, new byte[] {'l', 'o', 'g', 'i', 'n', '.', 'h', 'i', 'n', 't', '=', (byte) 0xE9, '\n'});

        assertThat(MachineFile.read(file, true).issues())
                .extracting(FileIssue::problem)
                .containsExactly("is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreFine() throws Exception {
        MachineFile machine = MachineFile.read(write("\uFEFFserver.host=db\r\nlocked=server.host\r\n"), true);

        assertThat(machine.issues()).isEmpty();
        assertThat(machine.values()).isEqualTo(Map.of(Key.SERVER_HOST, "db"));
        assertThat(machine.locked()).isEqualTo(Set.of(Key.SERVER_HOST));
    }
}
