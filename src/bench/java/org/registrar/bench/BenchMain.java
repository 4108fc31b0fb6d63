package org.registrar.bench;

import picocli.CommandLine;

/**
 * Main class of registrar-bench.jar. {@code registrar bench ARGS} loads the jar from beside registrar.jar and calls
 * {@link #main}; the jar also runs on its own: {@code java -cp 'registrar.jar:lib/*:registrar-bench.jar'
 * org.registrar.bench.BenchMain}.
 */
public final class BenchMain {
    private BenchMain() {}

    /** Runs the bench command line; ends the JVM with the exit code only when it is not 0, as the app does. */
    public static void main(String[] args) {
        int exitCode = new CommandLine(new BenchCommand()).execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
