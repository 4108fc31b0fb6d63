package org.registrar.bench;

/** One benchmark scenario of {@code registrar bench}. Implementations block; run them on a plain thread. */
public interface BenchScenario {
    /** The name given on the command line and used for target/bench/&lt;name&gt;.json. */
    String name();

    /** Runs the scenario and returns its figures. */
    BenchResult run(BenchContext context) throws Exception;
}
