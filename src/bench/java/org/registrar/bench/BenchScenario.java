package org.registrar.bench;

/** One benchmark scenario of {@code registrar bench}. Implementations block; run them on a plain thread. */
public interface BenchScenario {
    /** The name given on the command line and used for target/bench/&lt;name&gt;.json. */
    String name();

    /**
     * Whether the scenario measures the demo school the bench loads into its server before any scenario runs; a run
     * of scenarios that all answer false skips that load (pgbouncer loads a school into a server of its own, so
     * {@code --scenario pgbouncer --students 1000000} loads its million students once; the start and demo scenarios
     * make schools of their own).
     */
    default boolean needsDemoSchool() {
        return true;
    }

    /** Runs the scenario and returns its figures. */
    BenchResult run(BenchContext context) throws Exception;

    /**
     * Whether the scenario uses the bench's server at all; a run of scenarios that all answer false starts none (the
     * start scenario runs the app, whose embedded server is its own), and their context has no database.
     */
    default boolean needsServer() {
        return true;
    }
}
