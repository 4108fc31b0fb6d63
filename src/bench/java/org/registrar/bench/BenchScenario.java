package org.registrar.bench;

/** One benchmark scenario of {@code registrar bench}. Implementations block; run them on a plain thread. */
public interface BenchScenario {
    /** The name given on the command line and used for target/bench/&lt;name&gt;.json. */
    String name();

    /**
     * Whether it measures the bench's shared server and its demo data; false for a scenario that starts a server of
     * its own: when no chosen scenario needs them, the shared server gets no demo data (one load per run, not two).
     */
    default boolean usesSharedDemoData() {
        return true;
    }

    /** Runs the scenario and returns its figures. */
    BenchResult run(BenchContext context) throws Exception;
}
