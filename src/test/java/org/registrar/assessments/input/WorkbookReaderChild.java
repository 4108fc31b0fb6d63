package org.registrar.assessments.input;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM for {@link WorkbookMemoryTest}: reads one file as an import does ({@link CsvFile#read}) within the
 * heap its parent gives it, and prints each row read ("row: student|score|comment"), or why it could not. Exit code 0
 * when read, 2 when refused, 3 when out of memory.
 */
public final class WorkbookReaderChild {
    private WorkbookReaderChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            CsvImport.Result result = CsvFile.read(Path.of(args[0]));
            for (InputRow row : result.rows()) {
                out.println("row: " + row.student() + "|" + row.score() + "|" + row.comment());
            }
        } catch (CsvFile.Refused refused) {
            out.println("refused: " + refused.getMessage());
            System.exit(2);
        } catch (OutOfMemoryError full) {
            out.println("out of memory: " + full.getMessage());
            System.exit(3);
        }
    }
}
