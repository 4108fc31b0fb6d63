package org.registrar.bench;

/** One benchmark scenario of {@code registrar bench}. Implementations block; run them on a plain thread. */
public interface BenchScenario {
    /** The name given on the command line and used for target/bench/&lt;name&gt;.json. */
    String name();

    /**
     * Whether the scenario measures the demo school the bench loads into its server before any scenario runs; a run
     * of scenarios that all answer false skips that load (pgbouncer loads a school into a server of its own, so
     * {@code --scenario pgbouncer --students 1000000} loads its million students once).
     */
    default boolean needsDemoSchool() {
        return true;
    }

    /** Runs the scenario and returns its figures. */
    BenchResult run(BenchContext context) throws Exception;
}
