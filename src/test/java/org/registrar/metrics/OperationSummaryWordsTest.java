package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** Issue 18: the statistics line the import and export commands print was English in every language. */
class OperationSummaryWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theStatisticsLineSpeaksTheChosenLanguage() {
        OperationSummary summary =
                new OperationSummary("Import results", 2, 1, 1, 3, Duration.ofMillis(12), Instant.EPOCH);
        Messages.use(Locale.GERMAN);
        assertThat(summary.describe())
                .isEqualTo("Ergebnisse importieren: 2 Anweisungen, 1 Roundtrip, 1 Transaktion, 3 Fehler, 12 ms");
        Messages.use(Locale.ENGLISH);
        assertThat(summary.describe())
                .isEqualTo("Import results: 2 statements, 1 round trip, 1 transaction, 3 errors, 12 ms");
    }
}
