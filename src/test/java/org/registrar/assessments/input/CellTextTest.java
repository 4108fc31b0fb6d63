package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Issue 19: a workbook's stored numbers and dates read as the text a person typed, never as double noise. */
class CellTextTest {
    @Test
    void aNumberReadsAsTyped() {
        assertThat(CellText.number("7.499999999999999")).isEqualTo("7.5");
        assertThat(CellText.number("7.500000000000001")).isEqualTo("7.5");
        assertThat(CellText.number("12.0")).isEqualTo("12");
        assertThat(CellText.number("0.1")).isEqualTo("0.1");
        assertThat(CellText.number("1.2E-3")).isEqualTo("0.0012");
        assertThat(CellText.number("-0")).isEqualTo("0");
        assertThat(CellText.number("17.25")).isEqualTo("17.25");
    }

    @Test
    void aHostileExponentStaysShort() {
        assertThat(CellText.number("1E+999999999")).hasSizeLessThan(30);
        assertThat(CellText.number("not a number")).isEqualTo("not a number");
    }

    @Test
    void aPercentageReadsAsShown() {
        assertThat(CellText.percent("0.85")).isEqualTo("85%");
        assertThat(CellText.percent("0.855")).isEqualTo("85.5%");
    }

    @Test
    void datesAndTimesReadAsTheirFormatShowsThem() {
        LocalDateTime morning = LocalDateTime.of(2026, 3, 14, 10, 30);
        assertThat(CellText.dateTime(morning, true, false)).isEqualTo("2026-03-14");
        assertThat(CellText.dateTime(morning, true, true)).isEqualTo("2026-03-14 10:30");
        assertThat(CellText.dateTime(morning.toLocalDate().atStartOfDay(), true, true))
                .isEqualTo("2026-03-14");
        assertThat(CellText.dateTime(morning, false, true)).isEqualTo("10:30");
    }
}
