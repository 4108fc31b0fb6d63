package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13: what import-results prints from a file cannot steer the terminal or split its tab-separated columns. */
class ImportReportTest {
    @Test
    void everyControlCharacterIsWrittenOut() {
        String hostile = "a\tb\nc\rd\u001b[2J\u0007\u0000\u007f\u009be";

        String shown = ImportReport.escaped(hostile);

        assertThat(shown).isEqualTo("a\\tb\\nc\\rd\\x1b[2J\\x07\\x00\\x7f\\x9be");
        assertThat(shown.chars()).noneMatch(Character::isISOControl);
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(ImportReport.escaped("Zoë 😀 «bien» 7,5")).isEqualTo("Zoë 😀 «bien» 7,5");
    }
}
