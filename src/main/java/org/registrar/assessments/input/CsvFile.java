package org.registrar.assessments.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.registrar.i18n.Messages;

/**
 * Reads a results file from disk within {@link InputLimits}, so a wrong or hostile file cannot exhaust memory or
 * hang: only a regular file is opened (never a pipe or device, which could block or never end); a file over
 * {@link #MAX_BYTES} is refused from its size alone; bytes and lines (LF, CRLF or CR) are counted while reading and
 * the read stops at the first limit crossed; a file that is not text is refused; cells are bounded while they are
 * split. Blocking file I/O: not on the FX thread. Thread-safe.
 */
public final class CsvFile {
    /** An import is one class's results: a few hundred lines. 8 MB is far beyond any class and bounds the read. */
    public static final long MAX_BYTES = InputLimits.MAX_BYTES;

    public static final int MAX_LINES = InputLimits.MAX_LINES;

    /** Control characters (other than tab, line ends and form feed) in this share of the text mean binary. */
    private static final double BINARY_SHARE = 0.01;

    private static final int CHUNK = 64 * 1024;

    private CsvFile() {}

    /** A file refused with a sentence for the user (after "Could not read name: "). */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** Reads and parses the file, guessing its encoding (see {@link CsvImport.Result#doubt()}). */
    public static CsvImport.Result read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads and parses the file; a workbook (.xlsx, .ods: a zip; an encrypted .xlsx or an old .xls: OLE2) is read by
     * {@link WorkbookFile} into the same kind of result, showing its first sheet.
     *
     * @param encoding the encoding the user chose, or null to guess it (not used for a workbook)
     * @throws Refused when it is not a regular file, too large, too long, not text, an encrypted or damaged workbook,
     *     or breaks a limit of {@link InputLimits}
     * @throws IOException when it cannot be read at all
     */
    public static CsvImport.Result read(Path file, Charset encoding) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString(), null, Messages.text("messages.file.noSuchFile"));
            }
            throw new Refused(Messages.text("messages.import.notRegular"));
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Refused(tooLarge(Messages.text("messages.import.megabytes", size / (1024.0 * 1024.0))));
        }
        WorkbookFile.Magic magic = WorkbookFile.sniff(file);
        if (magic != WorkbookFile.Magic.OTHER) {
            return WorkbookFile.read(file, magic);
        }
        byte[] bytes = readBounded(file, size);
        CsvImport.Decoded decoded = encoding == null ? CsvImport.decode(bytes) : CsvImport.decode(bytes, encoding);
        refuseBinary(bytes, decoded.text());
        try {
            return CsvImport.parse(decoded);
        } catch (TextTable.MalformedInputException broken) {
            throw new Refused(broken.getMessage());
        }
    }

    private static String tooLarge(String size) {
        return Messages.text("messages.import.tooLarge", size, MAX_BYTES / (1024 * 1024), MAX_LINES);
    }

    /** At most {@link #MAX_BYTES} bytes and {@link #MAX_LINES} lines, whatever the file does while it is read. */
    private static byte[] readBounded(Path file, long size) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(size, CHUNK), MAX_BYTES) + 1];
        int length = 0;
        LineCount lines = null;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                if (length == buffer.length) {
                    if (length > MAX_BYTES) {
                        throw new Refused(tooLarge(largerThanTheLimit()));
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) length * 2, MAX_BYTES + 1));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                if (lines == null && length + read >= 2) {
                    lines = new LineCount(isUtf16(buffer));
                }
                if (lines != null) {
                    lines.count(buffer, lines.counted, length + read);
                }
                length += read;
                if (length > MAX_BYTES) {
                    throw new Refused(tooLarge(largerThanTheLimit()));
                }
            }
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private static String largerThanTheLimit() {
        return Messages.text("messages.import.largerThan", MAX_BYTES / (1024 * 1024));
    }

    private static boolean isUtf16(byte[] bytes) {
        return (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF;
    }

    /** Line ends seen so far; more than {@link #MAX_LINES} of them refuse the file. UTF-16 is left to the parser. */
    private static final class LineCount {
        private final boolean skip;
        private int counted;
        private int ends;
        private boolean afterCr;

        LineCount(boolean skip) {
            this.skip = skip;
        }

        void count(byte[] bytes, int from, int to) {
            for (int i = from; i < to && !skip; i++) {
                byte each = bytes[i];
                if (each == '\r' || each == '\n' && !afterCr) {
                    if (++ends > MAX_LINES) {
                        throw new Refused(Messages.text("messages.import.tooManyLines", MAX_LINES));
                    }
                }
                afterCr = each == '\r';
            }
            counted = to;
        }
    }

    private static void refuseBinary(byte[] bytes, String text) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new Refused(Messages.text("messages.import.workbook"));
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
            throw new Refused(Messages.text("messages.import.binary"));
        }
    }
}
