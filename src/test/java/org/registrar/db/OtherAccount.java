package org.registrar.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway second OS account on this machine, as another staff member or a student on a shared school PC:
 * created with {@code useradd --system --no-create-home}, removed with {@code userdel} on {@link #close()}.
 * Commands run as it through {@code runuser}. Needs root; {@link #create()} skips the test (with the reason) where
 * the machine cannot do it.
 */
final class OtherAccount implements AutoCloseable {
    private final String name;

    private OtherAccount(String name) {
        this.name = name;
    }

    /** The result of a command run as the account: its exit code and its output (stdout and stderr). */
    record Result(int exitCode, String output) {}

    static OtherAccount create() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "a second OS account can only be created as root (CI runs as root)");
        assumeTrue(isExecutable("useradd") && isExecutable("userdel"), "useradd/userdel not installed");
        assumeTrue(isExecutable("runuser"), "runuser not installed");
        String name = "registrar_other_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 10_000;
        Result created = runAsRoot(List.of("useradd", "--system", "--no-create-home", "--shell", "/bin/sh", name));
        assumeTrue(created.exitCode() == 0, "useradd failed: " + created.output());
        return new OtherAccount(name);
    }

    String name() {
        return name;
    }

    /** Runs {@code command} as this account (no password, no home, a clean environment) and waits up to 60 s. */
    Result run(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        full.addAll(List.of(command));
        return runAsRoot(full);
    }

    @Override
    public void close() throws Exception {
        runAsRoot(List.of("userdel", name));
    }

    private static Result runAsRoot(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().put("HOME", "/nonexistent");
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        // output to a file, not a pipe read before waiting: a reader would block past the timeout on a hung command
        Path output = Files.createTempFile("other-account", ".log");
        try {
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Did not finish within 60 s: " + command);
            }
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean isExecutable(String program) {
        for (String folder : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** Removes a file the account planted in a sticky folder such as /tmp (root may). */
    static void removeAsRoot(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
