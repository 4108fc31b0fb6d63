package org.registrar.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.registrar.i18n.Messages;

/**
 * Reads the app's own local files (drafts) so that a wrong one cannot hang
 * or exhaust the app: only a regular file is opened (a pipe with no writer would block forever, a device never
 * ends), at most a given number of bytes is read, and a file that cannot be read is set aside (renamed
 * {@code name.unreadable-<timestamp>}, never deleted) so the next start does not meet it again. Blocking file I/O:
 * not on the FX thread. Thread-safe (stateless).
 */
public final class LocalFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LocalFiles() {}

    /** A local file that is not a regular file, or larger than its bound, with the reason as message. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The file's text (UTF-8, malformed bytes replaced).
     *
     * @param links {@code NOFOLLOW_LINKS} to refuse a symbolic link too; none to follow it
     * @throws Unreadable when it is not a regular file or holds more than {@code maxBytes}, before reading more than
     *     that
     * @throws IOException when it cannot be read
     */
    public static String readText(Path file, long maxBytes, java.nio.file.LinkOption... links) throws IOException {
        if (!Files.isRegularFile(file, links)) {
            throw new Unreadable(Messages.text("messages.file.notRegular", String.valueOf(file)));
        }
        try (InputStream in = Files.newInputStream(file, links)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Unreadable(Messages.text("messages.file.tooLarge", String.valueOf(file), maxBytes));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Renames the file to {@code name.unreadable-<UTC timestamp>} beside it (a number added if that exists) and
     * returns the new path.
     */
    public static Path setAside(Path file, Instant now) throws IOException {
        String base = file.getFileName() + ".unreadable-" + STAMP.format(now);
        Path target = file.resolveSibling(base);
        for (int i = 2; Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            target = file.resolveSibling(base + "-" + i);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
