package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real durable servers in temporary folders; each start takes a few seconds. */
class EmbeddedServerTest {
    private static final Duration CHILD_READY_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void dataSurvivesRestart() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            execute(server, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            execute(server, "INSERT INTO note VALUES (1, 'kept')");
        }
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteBody(server)).isEqualTo("kept");
        }
    }

    /**
     * ADR 0058: a second start trusts the recorded folder name only as far as the archive proves it. Under a wrong
     * name lies a folder of stand-in programs that pass the manifest check; they never run, and the server starts
     * from the folder the archive names.
     */
    @Test
    void programsUnderARecordedNameTheArchiveDoesNotProveNeverRun() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            execute(server, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
        }
        Path working = temp.resolve("server");
        String realName =
                Files.readString(working.resolve(ServerBinaries.NAME_FILE)).strip();
        Files.writeString(working.resolve(ServerBinaries.NAME_FILE), "0".repeat(32));
        ServerBinaries impostor = ServerBinaries.in(working);
        Path ran = temp.resolve("impostor-ran");
        for (String program : List.of("pg_ctl", "postgres", "initdb")) {
            Path file = impostor.program(program);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "#!/bin/sh\ntouch " + ran + "\nexit 1\n");
            file.toFile().setExecutable(true);
        }
        Files.createFile(impostor.installation().resolve(".exists"));
        impostor.recordAndTighten(); // its manifest and stamps: the check alone would keep it

        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteTableCount(server)).isEqualTo(1);
        }
        assertThat(ran).doesNotExist();
        assertThat(Files.readString(working.resolve(ServerBinaries.NAME_FILE)).strip())
                .isEqualTo(realName);
    }

    @Test
    void durableServerHasFsyncAndSynchronousCommitOn() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startDurable(temp.resolve("pgdata"), progress::add)) {
            assertThat(server.serverSetting("fsync")).isEqualTo("on");
            assertThat(server.serverSetting("synchronous_commit")).isEqualTo("on");
            assertThat(server.serverSetting("full_page_writes")).isEqualTo("on");
            assertThat(progress).startsWith("Checking for a previous server…", "Starting PostgreSQL…");
        }
    }

    @Test
    void keepsItsPortAcrossRestarts() throws Exception {
        Path data = temp.resolve("pgdata");
        int firstPort;
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            firstPort = server.port();
        }
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(server.port()).isEqualTo(firstPort);
            assertThat(server.jdbcUrl("registrar"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + firstPort + "/registrar?requireAuth=scram-sha-256");
        }
    }

    @Test
    void refusesAFolderItAlreadyServes() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThatThrownBy(() -> EmbeddedServer.startDurable(data, progress::add))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already runs");
            assertThat(noteTableCount(server)).isZero();
        }
    }

    @Test
    void startsAfterParentJvmWasKilledHard() throws Exception {
        Path data = temp.resolve("pgdata");
        Process child = startChild(data);
        long orphanPid;
        try {
            awaitReady(child, temp.resolve("child.log"));
            orphanPid = postmasterPid(data);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(isRunning(orphanPid))
                .as("postgres left running by the killed JVM")
                .isTrue();
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteBody(server)).isEqualTo(EmbeddedServerChild.ROW);
            assertThat(isRunning(orphanPid)).as("orphaned postgres").isFalse();
            assertThat(progress).contains("Stopping the server a previous session left running…");
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void startsAfterStalePidFile() throws Exception {
        Path data = temp.resolve("pgdata");
        long deadPid = deadPid();
        startStopAndLeavePidFile(data, deadPid);
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteBody(server)).isEqualTo("kept");
        }
    }

    @Test
    void startsWhenStalePidFileNamesAnUnrelatedLiveProcess() throws Exception {
        Path data = temp.resolve("pgdata");
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            startStopAndLeavePidFile(data, unrelated.pid());
            try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
                assertThat(noteBody(server)).isEqualTo("kept");
            }
            assertThat(unrelated.isAlive())
                    .as("the unrelated process is left alone")
                    .isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void portFileHoldingNoPortIsIgnored() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            execute(server, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            execute(server, "INSERT INTO note VALUES (1, 'kept')");
        }
        Files.writeString(data.resolve("registrar-port"), "99999\n");

        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteBody(server)).isEqualTo("kept");
            assertThat(server.port()).isBetween(1024, 65535);
        }
        assertThat(Files.readString(data.resolve("registrar-port")).trim()).matches("[0-9]{4,5}");
    }

    @Test
    void aFirstStartCutShortIsMovedAsideAndDoneAgain() throws Exception {
        Path data = temp.resolve("pgdata");
        // what initdb leaves when it is killed after writing its configuration (a logout during the first start)
        Files.createDirectories(data.resolve("base"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.writeString(data.resolve("postgresql.conf"), "# written by an initdb that never finished\n");

        // a start that hung on the half-made folder would end in an IOException at the server's start wait
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            execute(server, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            execute(server, "INSERT INTO note VALUES (1, 'kept')");
        }
        assertThat(progress).anyMatch(step -> step.startsWith("An earlier first start was cut short"));
        try (var siblings = Files.list(temp)) {
            Path aside = siblings.filter(path -> path.getFileName().toString().startsWith("pgdata.incomplete-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(aside.resolve("postgresql.conf")).hasContent("# written by an initdb that never finished");
        }
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(noteBody(server)).isEqualTo("kept");
        }
    }

    /** Starts, writes a row, stops cleanly, then fakes the postmaster.pid a power loss would leave. */
    private void startStopAndLeavePidFile(Path data, long pid) throws Exception {
        int port;
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            execute(server, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            execute(server, "INSERT INTO note VALUES (1, 'kept')");
            port = server.port();
        }
        String pidFile = String.join(
                "\n",
                Long.toString(pid),
                data.toString(),
                "1700000000",
                Integer.toString(port),
                "/tmp",
                "localhost",
                "  " + port + "001    42",
                "ready   ",
                "");
        Files.writeString(data.resolve("postmaster.pid"), pidFile);
    }

    private Process startChild(Path data) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedServerChild.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile())
                .start();
    }

    private static void awaitReady(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + CHILD_READY_WAIT.toNanos();
        while (Files.readAllLines(log).stream().noneMatch(line -> line.startsWith("READY "))) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Child never became ready:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    /** Alive and not a zombie: an orphan that exited may wait unreaped under a PID 1 that never reaps. */
    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().isPresent())
                .isPresent();
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static void execute(EmbeddedServer server, String sql) throws SQLException {
        try (Connection connection = server.postgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String noteBody(EmbeddedServer server) throws SQLException {
        try (Connection connection = server.postgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT body FROM note WHERE id = 1")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static int noteTableCount(EmbeddedServer server) throws SQLException {
        try (Connection connection = server.postgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'note'")) {
            result.next();
            return result.getInt(1);
        }
    }
}
