package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.List;

/**
 * What a strict UTF-8 read of some bytes finds: well-formed multi-byte sequences, bytes that are not UTF-8, and the
 * first lines (1-based; LF, CRLF or CR end a line) that hold such bytes. Immutable.
 */
record Utf8Scan(int sequences, int invalid, List<Integer> lines) {
    private static final int LINES_KEPT = 5;

    static Utf8Scan of(byte[] bytes) {
        int sequences = 0;
        int invalid = 0;
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (b == '\n' || b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                    line++;
                }
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i);
            if (length > 0) {
                sequences++;
                i += length;
            } else {
                invalid++;
                if (lines.size() < LINES_KEPT && (lines.isEmpty() || lines.get(lines.size() - 1) != line)) {
                    lines.add(line);
                }
                i++;
            }
        }
        return new Utf8Scan(sequences, invalid, List.copyOf(lines));
    }

    /** The length of the well-formed sequence at {@code i} (RFC 3629: no overlongs, no surrogates), or 0. */
    private static int sequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) {
                return 0;
            }
        }
        return length;
    }
}
