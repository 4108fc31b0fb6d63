package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files (docs/reliability.md): a 1,000,000-line CSV is refused with a size message, reading only its size or at
 * most {@link CsvFile#MAX_BYTES}; binary files named .csv are refused as not text; an ordinary file still reads.
 * Memory is measured as the bytes this thread allocated while reading.
 */
class CsvFileTest {
    @TempDir
    Path folder;

    @Test
    void aMillionLineFileOverTheSizeLimitIsRefusedFromItsSizeAlone() throws Exception {
        Path file = lines("million.csv", "student number;score\n", "S%06d;7\n");
        assertThat(Files.size(file)).isGreaterThan(CsvFile.MAX_BYTES);

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("the file is 9.5 MB; an import takes files up to 8 MB (50,000 lines)");
        // Measured on a second read, so class loading by the first (and by AssertJ) is not counted.
        long allocated = allocatedWhile(() -> refusal(file));

        assertThat(allocated).as("bytes allocated while refusing").isLessThan(1024 * 1024);
    }

    @Test
    void aMillionShortLinesUnderTheSizeLimitAreRefusedByLineCountWithinABoundedRead() throws Exception {
        Path file = lines("short.csv", "score\n", "%.0s1\n");
        assertThat(Files.size(file)).isLessThan(CsvFile.MAX_BYTES);

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("the file has more than 50,000 lines");
        long allocated = allocatedWhile(() -> refusal(file));

        assertThat(allocated).as("bytes allocated while refusing").isLessThan(CsvFile.MAX_BYTES + 1024 * 1024);
    }

    @Test
    void binaryFilesNamedCsvAreRefusedAsNotText() throws Exception {
        Path image = folder.resolve("photo.csv");
        byte[] png = new byte[4096];
        new java.util.Random(7).nextBytes(png);
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        Files.write(image, png);
        Path workbook = folder.resolve("results.csv");
        Files.write(workbook, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});

        assertThatThrownBy(() -> CsvFile.read(image))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("this is not a text file");
        assertThatThrownBy(() -> CsvFile.read(workbook))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("this workbook is damaged and cannot be read");
    }

    @Test
    void anOrdinaryFileStillReads() throws Exception {
        Path file = folder.resolve("class.csv");
        Files.writeString(file, "Student number;Score;Comment\nS000001;7,5;Zoë 😀 «bien»\nS000002;EX;\n");

        CsvImport.Result result = CsvFile.read(file);

        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).comment()).isEqualTo("Zoë 😀 «bien»");
        assertThat(result.describe()).isEqualTo("UTF-8, semicolon-separated, 2 rows");
        org.registrar.i18n.Messages.use(java.util.Locale.GERMAN);
        try {
            assertThat(result.describe()).isEqualTo("UTF-8, durch Semikolons getrennt, 2 Zeilen");
        } finally {
            org.registrar.i18n.Messages.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMegabyteCellOfDigitsIsRefusedAtTheCellLimitBeforeAnyNumberIsParsed() throws Exception {
        Path file = folder.resolve("digits.csv");
        Files.writeString(file, "Student number,Points\nS0000001," + "7".repeat(1_000_000) + "\n");

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessage("line 2, cell 2 holds more than 10,000 characters, the limit of one cell (a comment"
                        + " takes at most 2,000).");
    }

    @Test
    void aPastedBlockIsBoundedByTheSameLimits() {
        String wide = "S0000001" + "\tx".repeat(150);
        String tall = "S0000001\t7\r".repeat(60_000);

        assertThatThrownBy(() -> TextTable.parse(wide, '\t'))
                .isInstanceOf(TextTable.MalformedInputException.class)
                .hasMessageContaining("line 1 has more than 100 cells");
        assertThatThrownBy(() -> TextTable.parse(tall, '\t'))
                .isInstanceOf(TextTable.MalformedInputException.class)
                .hasMessageContaining("more than 50,000 lines");
    }

    @Test
    void aSymlinkToARegularFileReads() throws Exception {
        Path file = folder.resolve("class.csv");
        Files.writeString(file, "Student number;Score\nS000001;7\n");
        Path link = Files.createSymbolicLink(folder.resolve("link.csv"), file);

        assertThat(CsvFile.read(link).rows()).hasSize(1);
    }

    @Test
    void utf8WithOneStrayLatin1ByteIsReadAsUtf8NotGuessedAsWindows1252() throws Exception {
        Path file = folder.resolve("mixed.csv");
        Files.write(file, mixedUtf8());

        CsvImport.Result result = CsvFile.read(file);

        assertThat(result.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.rows().get(0).comment()).isEqualTo("Très bien");
    }

    @Test
    void utf8WithStrayBytesNamesTheirLinesAndTheChosenEncodingIsUsed() throws Exception {
        Path file = folder.resolve("mixed.csv");
        Files.write(file, mixedUtf8());

        CsvImport.Result guessed = CsvFile.read(file);
        CsvImport.Result chosen = CsvFile.read(file, java.nio.charset.Charset.forName("windows-1252"));

        assertThat(guessed.doubt()).isNotNull();
        assertThat(guessed.doubt().lines()).containsExactly(3);
        assertThat(guessed.doubt().describe())
                .isEqualTo("the file is UTF-8 except for 1 byte on line 3, which shows as \uFFFD");
        assertThat(guessed.rows().get(1).comment()).isEqualTo("Tr\uFFFDs");
        assertThat(chosen.doubt()).isNull();
        assertThat(chosen.rows().get(1).comment()).isEqualTo("Très");
        assertThat(chosen.rows().get(0).comment()).isEqualTo("TrÃ¨s bien");
    }

    @Test
    void aQuoteThatNeverClosesIsReportedAtItsLineAndColumn() throws Exception {
        Path file = folder.resolve("quote.csv");
        Files.writeString(file, "Student number,Score,Comment\nS0000002,17,\"Good\nS0000003,12,ok\nS0000004,11,ok\n");

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessage("line 2: a quote opens at column 13 and never closes");
    }

    /** Two comments: "Très bien" in UTF-8 on line 2, "Très" with a Windows-1252 è (0xE8) on line 3. */
    private static byte[] mixedUtf8() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(
                "Student number;Score;Comment\nS000001;7;Très bien\nS000002;8;Tr".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE8);
        bytes.writeBytes("s\n".getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private Path lines(String name, String header, String pattern) throws IOException {
        Path file = folder.resolve(name);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(header);
            for (int i = 1; i < 1_000_000; i++) {
                writer.write(String.format(pattern, i));
            }
        }
        return file;
    }

    /** Reads {@code file}, expecting only the refusal: nothing else runs between the two allocation readings. */
    private static void refusal(Path file) {
        try {
            CsvFile.read(file);
        } catch (CsvFile.Refused expected) {
            return;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("not refused: " + file);
    }

    private static long allocatedWhile(Runnable work) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
