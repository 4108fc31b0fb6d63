package org.registrar.app;

import picocli.CommandLine;

/**
 * A child JVM for {@link HostileFilesTest}: runs {@code import-results --file <file>} against a server that is not
 * there (the file is read before any connection) and prints "EXIT n" last. Run with a small heap, so a read that is
 * not bounded dies of OutOfMemoryError instead of passing on a large machine.
 */
public final class HostileFileChild {
    private HostileFileChild() {}

    public static void main(String[] args) {
        ImportResultsCommand command = new ImportResultsCommand();
        int exit = new CommandLine(command)
                .execute(
                        "--data-home",
                        args[0],
                        "--db-url",
                        "jdbc:postgresql://127.0.0.1:9/nothing",
                        "--ssl-mode",
                        "disable",
                        "--assessment",
                        "1",
                        "--file",
                        args[1]);
        System.out.println("EXIT " + exit);
        System.out.flush();
        System.exit(0);
    }
}
