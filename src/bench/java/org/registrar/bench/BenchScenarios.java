package org.registrar.bench;

import java.util.List;

/** Every scenario {@code registrar bench} knows, in the order {@code --scenario all} runs them. */
public final class BenchScenarios {
    private BenchScenarios() {}

    public static List<BenchScenario> all() {
        return List.of(
                // one line per scenario; keep this list sorted by when it should run
                new PoolBench(),
                new StudentsBench(),
                new PickersBench(),
                new BulkSaveBench(),
                new MentorsBench(),
                new ReportsBench(),
                new ImportBench(),
                new SeedTableBench(),
                new ScaleOutBench(),
                new MetricsBench(),
                new ReferenceBench(),
                new DemoBench(),
                new StartBench());
    }
}
