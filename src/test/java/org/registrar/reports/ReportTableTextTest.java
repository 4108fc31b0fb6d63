package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/**
 * A report's figures and dates as a German reader sees them on the screen and in the PDF (23,3 and 21.10.2025), and
 * as a CSV file keeps them for other programs (23.3 and 2025-10-21).
 */
class ReportTableTextTest {
    private static final LocalDate DAY = LocalDate.of(2025, 10, 21);

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theScreenShowsNumbersAndDatesInTheChosenLanguage() {
        Messages.use(Locale.GERMAN);

        assertThat(ReportTable.text(new BigDecimal("23.30"))).isEqualTo("23,3");
        assertThat(ReportTable.text(new BigDecimal("25.00"))).isEqualTo("25");
        assertThat(ReportTable.text(71.46)).isEqualTo("71,5");
        assertThat(ReportTable.text(DAY)).isEqualTo("21.10.2025");
        assertThat(new Choices.Assessment(1, 2, "Quiz", "Maths", BigDecimal.TEN, DAY).toString())
                .isEqualTo("21.10.2025 · Quiz");
        assertThat(new Choices.YearGroup(7, 2025).toString()).isEqualTo("Jahrgang 7 · 2025/26");
    }

    @Test
    void inFrenchTheDateNamesTheMonthAndTheDecimalIsAComma() {
        assertThat(ReportTable.text(new BigDecimal("17.75"), Locale.FRENCH)).isEqualTo("17,75");
        assertThat(ReportTable.text(DAY, Locale.FRENCH)).isEqualTo("21 oct. 2025");
    }

    @Test
    void aWorkbooksSecondSheetIsNamedInTheChosenLanguage() throws Exception {
        Messages.use(Locale.GERMAN);
        ReportTable table = new ReportTable(
                "t",
                "Notenliste",
                List.of("Klasse 7B"),
                List.of(new ReportTable.Column("Punkte", ReportTable.Kind.NUMBER)),
                List.of(Arrays.asList(new BigDecimal("23.30"))),
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        XlsxExport.write(table, out);

        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheetName(1)).isEqualTo("Angaben zum Bericht");
        }
    }

    @Test
    void csvKeepsTheDecimalPointAndIsoDatesWhateverTheLanguage() throws Exception {
        Messages.use(Locale.GERMAN);
        ReportTable table = new ReportTable(
                "t",
                "T",
                List.of(),
                List.of(
                        new ReportTable.Column("Datum", ReportTable.Kind.DATE),
                        new ReportTable.Column("Punkte", ReportTable.Kind.NUMBER)),
                List.of(Arrays.asList(DAY, new BigDecimal("23.30"))),
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CsvExport.write(table, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2025-10-21,23.3");
    }
}
