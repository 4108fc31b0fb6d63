package org.registrar.assessments.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a results file from disk within fixed bounds, so a wrong or hostile file cannot exhaust memory: a file over
 * {@link #MAX_BYTES} is refused from its size alone (nothing is read), one over {@link #MAX_LINES} lines or one that
 * is not text (a spreadsheet workbook, an image, any binary renamed .csv) is refused after reading at most
 * {@link #MAX_BYTES}. Blocking file I/O: not on the FX thread. Thread-safe.
 */
public final class CsvFile {
    /** An import is one class's results: a few hundred lines. 8 MB is far beyond any class and bounds the read. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    public static final int MAX_LINES = 50_000;

    /** Control characters (other than tab, line ends and form feed) in this share of the text mean binary. */
    private static final double BINARY_SHARE = 0.01;

    private CsvFile() {}

    /** A file refused with a sentence for the user (after "Could not read name: "). */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads and parses the file.
     *
     * @throws Refused when it is too large, too long or not text
     * @throws IOException when it cannot be read at all
     */
    public static CsvImport.Result read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Refused(String.format(
                    Locale.ROOT,
                    "the file is %.1f MB; an import takes files up to %d MB (%,d lines), one class's results. "
                            + "Split it by class.",
                    size / (1024.0 * 1024.0),
                    MAX_BYTES / (1024 * 1024),
                    MAX_LINES));
        }
        byte[] bytes = Files.readAllBytes(file);
        refuseLong(bytes);
        CsvImport.Decoded decoded = CsvImport.decode(bytes);
        refuseBinary(bytes, decoded.text());
        return CsvImport.parse(decoded);
    }

    private static void refuseLong(byte[] bytes) {
        int lines = 0;
        for (byte each : bytes) {
            if (each == '\n' && ++lines > MAX_LINES) {
                throw new Refused(String.format(
                        Locale.ROOT,
                        "the file has more than %,d lines; an import is one class's results (one line per "
                                + "student). Split it by class.",
                        MAX_LINES));
            }
        }
    }

    private static void refuseBinary(byte[] bytes, String text) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new Refused("this is a workbook or other zip file (an .xlsx?), not CSV text: in the spreadsheet, "
                    + "use Save As and choose CSV.");
        }
        int sample = Math.min(text.length(), 65_536);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char ch = text.charAt(i);
            if (ch == '\0') {
                control = sample;
                break;
            }
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f') {
                control++;
            }
        }
        if (sample > 0 && control > sample * BINARY_SHARE) {
            throw new Refused("this is not a text file (it holds binary data), so it cannot be a CSV file: "
                    + "export the results from the spreadsheet as CSV.");
        }
    }
}
