package org.registrar.health;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.registrar.metrics.MetricsSample;

/** Writes recorded samples as CSV (UTF-8 with BOM so spreadsheets read it right). Blocking. Thread-safe. */
final class SampleCsv {
    static final String[] HEADER = {
        "time",
        "resolution",
        "seconds",
        "gap_before",
        "statements",
        "statements_per_s",
        "transactions_per_s",
        "errors_per_s",
        "latency_p50_ms",
        "latency_p95_ms",
        "latency_p99_ms",
        "latency_max_ms",
        "pool_active",
        "pool_idle",
        "pool_pending",
        "pool_total",
        "pool_max",
        "acquire_p99_ms",
        "pool_timeouts",
        "cache_hit_rate"
    };

    private SampleCsv() {}

    /** The per-minute history first, then the per-second samples; returns the number of rows written. */
    static int write(Path file, List<MetricsSample> minutes, List<MetricsSample> seconds) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // before the header, which the printer writes when it is created
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (MetricsSample sample : minutes) {
                    print(printer, sample, "1 min");
                }
                for (MetricsSample sample : seconds) {
                    print(printer, sample, "1 s");
                }
            }
        }
        return minutes.size() + seconds.size();
    }

    private static void print(CSVPrinter printer, MetricsSample sample, String resolution) throws IOException {
        printer.printRecord(
                sample.at(),
                resolution,
                number(sample.seconds()),
                sample.gapBefore(),
                sample.statements(),
                number(sample.statementsPerSecond()),
                number(sample.transactionsPerSecond()),
                number(sample.errorsPerSecond()),
                number(sample.p50Millis()),
                number(sample.p95Millis()),
                number(sample.p99Millis()),
                number(sample.maxMillis()),
                sample.poolActive(),
                sample.poolIdle(),
                sample.poolPending(),
                sample.poolTotal(),
                sample.poolMaximum(),
                number(sample.acquireP99Millis()),
                sample.poolTimeouts(),
                number(sample.cacheHitRate()));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
