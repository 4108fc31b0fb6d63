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

        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("the file is 9.5 MB; an import takes files up to 8 MB (50,000 lines)"));

        assertThat(allocated).as("bytes allocated while refusing").isLessThan(1024 * 1024);
    }

    @Test
    void aMillionShortLinesUnderTheSizeLimitAreRefusedByLineCountWithinABoundedRead() throws Exception {
        Path file = lines("short.csv", "score\n", "%.0s1\n");
        assertThat(Files.size(file)).isLessThan(CsvFile.MAX_BYTES);

        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith("the file has more than 50,000 lines"));

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
                .hasMessageStartingWith("this is a workbook or other zip file");
    }

    @Test
    void anOrdinaryFileStillReads() throws Exception {
        Path file = folder.resolve("class.csv");
        Files.writeString(file, "Student number;Score;Comment\nS000001;7,5;Zoë 😀 «bien»\nS000002;EX;\n");

        CsvImport.Result result = CsvFile.read(file);

        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).comment()).isEqualTo("Zoë 😀 «bien»");
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

    private static long allocatedWhile(Runnable work) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
