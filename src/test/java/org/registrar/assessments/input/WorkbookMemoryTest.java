package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: an .xlsx's shared-strings part is bounded in bytes (64 MB unpacked), not in strings. A part of millions
 * of one-letter strings that no cell uses is read with memory bounded by the cells: a child JVM with a 64 MB heap
 * reads the class's rows from it (keeping every string would take some 200 MB). A workbook whose cells use more
 * different texts than an import has cells is refused with a sentence.
 */
class WorkbookMemoryTest {
    /** One-letter strings no cell uses: about 64 MB of XML, a little under the limit of a part. */
    private static final int UNUSED = 3_800_000;

    /** The strings the cells use, after the unused ones. */
    private static final String[] USED = {"Student number", "Score", "Comment", "S0000001", "Très bien", "S0000002"};

    @TempDir
    static Path folder;

    @Test
    void sharedStringsNoCellUsesAreNotKeptInMemory() throws Exception {
        Path file = folder.resolve("one-letter-strings.xlsx");
        TestWorkbooks.xlsxByHand(file, scoresUsing(UNUSED), out -> sharedStrings(out, UNUSED, new Random(19)));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry part = zip.getEntry("xl/sharedStrings.xml");
            assertThat(part.getSize())
                    .as("hostile, yet within the limits: a part under 64 MB, packed to more than 1/100")
                    .isBetween(60L * 1024 * 1024, InputLimits.MAX_UNZIPPED_BYTES)
                    .isLessThan(part.getCompressedSize() * 100);
        }
        assertThat(file.toFile().length()).isLessThan(InputLimits.MAX_BYTES);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-Duser.language=en",
                        "-Duser.country=GB",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkbookReaderChild.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("row: ")))
                .containsExactly("row: S0000001|7.5|Très bien", "row: S0000002|12|null");
    }

    @Test
    void cellsUsingMoreDifferentTextsThanAnImportHasCellsAreRefused() throws IOException {
        int texts = InputLimits.MAX_CELLS + 1;
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < texts; i++) {
            rows.append("<row r=\"")
                    .append(i + 1)
                    .append("\"><c r=\"A")
                    .append(i + 1)
                    .append("\" t=\"s\"><v>");
            rows.append(i).append("</v></c></row>");
        }
        Path file = TestWorkbooks.xlsxByHand(folder.resolve("many-texts.xlsx"), rows.toString(), out -> {
            OutputStream buffered = new BufferedOutputStream(out);
            buffered.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            // blank texts (a cell of one adds no cell to the table) in a random mix, so the part packs as text does
            byte[][] blanks = {
                "<si/>".getBytes(StandardCharsets.US_ASCII),
                "<si><t> </t></si>".getBytes(StandardCharsets.US_ASCII),
                "<si><t xml:space=\"preserve\">  </t></si>".getBytes(StandardCharsets.US_ASCII)
            };
            Random random = new Random(500_001);
            for (int i = 0; i < texts; i++) {
                buffered.write(blanks[random.nextInt(blanks.length)]);
            }
            buffered.write("</sst>".getBytes(StandardCharsets.UTF_8));
            buffered.flush();
        });

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessage("the workbook's cells use more than 500,000 different texts, the limit of one import:"
                        + " keep only the student, score and comment columns.");
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** A header and two students, every text a shared string after {@code unused} others. */
    private static String scoresUsing(int unused) {
        return "<row r=\"1\">" + shared("A1", unused) + shared("B1", unused + 1) + shared("C1", unused + 2) + "</row>"
                + "<row r=\"2\">" + shared("A2", unused + 3) + "<c r=\"B2\"><v>7.5</v></c>" + shared("C2", unused + 4)
                + "</row>"
                + "<row r=\"3\">" + shared("A3", unused + 5) + "<c r=\"B3\"><v>12</v></c></row>";
    }

    private static String shared(String reference, int index) {
        return "<c r=\"" + reference + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    /** {@code unused} one-letter strings (a few letters, so the part packs as text does, not as a bomb), then USED. */
    private static void sharedStrings(OutputStream out, int unused, Random random) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        buffered.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\" count=\""
                        + (unused + USED.length) + "\" uniqueCount=\"" + (unused + USED.length) + "\">")
                .getBytes(StandardCharsets.UTF_8));
        byte[] one = "<si><t>a</t></si>".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < unused; i++) {
            one[7] = (byte) ('a' + random.nextInt(26));
            buffered.write(one);
        }
        for (String text : USED) {
            buffered.write(("<si><t>" + text + "</t></si>").getBytes(StandardCharsets.UTF_8));
        }
        buffered.write("</sst>".getBytes(StandardCharsets.UTF_8));
        buffered.flush();
    }
}
