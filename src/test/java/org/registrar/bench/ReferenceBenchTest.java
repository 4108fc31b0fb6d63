package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference table of several runs: each row's median, the median of the runs' own ratios (never a ratio of two
 * medians from different runs), the bar judged on those medians, and the command written above the table.
 */
class ReferenceBenchTest {
    @TempDir
    Path out;

    private static BenchResult run(double saveMillis, double copyMillis, double mentorsMillis, double load) {
        BenchResult run = new BenchResult("reference", ReferenceBench.COLUMNS);
        run.row(
                "save 100 new results",
                saveMillis,
                copyMillis,
                saveMillis / copyMillis,
                "≤ 2× COPY",
                2.0,
                "ratio",
                saveMillis / copyMillis <= 2 ? "met" : "not met",
                2,
                3,
                10L,
                load);
        run.row(
                "mentors list, cold",
                mentorsMillis,
                null,
                null,
                "≤ 50 ms",
                50.0,
                "ms",
                mentorsMillis <= 50 ? "met" : "not met",
                1,
                1,
                1L,
                load);
        return run.note("20,000 students.");
    }

    @Test
    void eachRowIsTheMedianOfTheRunsAndItsBarIsJudgedOnTheMedian() {
        BenchResult combined = ReferenceBench.combine(List.of(
                run(6.0, 2.0, 60, 1.5), // ratio 3.0, mentors not met
                run(5.0, 4.0, 40, 0.5), // ratio 1.25
                run(9.0, 5.0, 45, 2.5))); // ratio 1.8

        Map<String, Object> save = combined.rows().get(0);
        assertThat(save.get("measured_ms")).isEqualTo(6.0);
        assertThat(save.get("floor_ms")).isEqualTo(4.0);
        assertThat(save.get("ratio")).as("median of 3.0, 1.25, 1.8").isEqualTo(1.8);
        assertThat(save.get("met")).isEqualTo("met");
        assertThat(save.get("runs")).isEqualTo(3);
        assertThat(save.get("load_average")).isEqualTo("0.50-2.50");
        Map<String, Object> mentors = combined.rows().get(1);
        assertThat(mentors.get("measured_ms")).isEqualTo(45.0);
        assertThat(mentors.get("floor_ms")).isNull();
        assertThat(mentors.get("met")).isEqualTo("met");
    }

    @Test
    void aMedianOverTheBarIsNotMet() {
        BenchResult combined =
                ReferenceBench.combine(List.of(run(6.0, 2.0, 60, 1), run(7.0, 2.0, 55, 1), run(3.0, 2.0, 40, 1)));

        assertThat(combined.rows()).extracting(row -> row.get("met")).containsExactly("not met", "not met");
    }

    @Test
    void theTableIsWrittenWithTheCommandThatProducedIt() throws Exception {
        ReferenceBench.write(
                ReferenceBench.combine(List.of(run(6.0, 2.0, 60, 1))), out, "registrar bench --scenario reference");

        assertThat(Files.readString(out.resolve("reference.md")))
                .contains("registrar bench --scenario reference")
                .contains("| save 100 new results | 6.00 | 2.00 | 3.00 | ≤ 2× COPY | not met |");
        assertThat(Files.readString(out.resolve("reference.json"))).contains("\"ratio\": 3.000");
    }
}
