package org.registrar.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The migrations this build of the app carries, read from its own class path (a folder or the jar) without a
 * database connection, so checks need no extra pooled connection. Thread-safe.
 */
public final class MigrationFiles {
    static final String FOLDER = "db/migration";
    /** Versioned (V) and baseline (B) migrations: both carry a schema version. */
    private static final Pattern VERSIONED = Pattern.compile("[VB](\\d+(?:[._]\\d+)*)__.*\\.sql");

    private MigrationFiles() {}

    /** The highest migration version shipped with the app, e.g. "50". */
    public static String latestVersion() {
        return names().stream()
                .map(MigrationFiles::versionOf)
                .flatMap(Optional::stream)
                .max(MigrationFiles::compareVersions)
                .orElse("none");
    }

    /** The names of every migration file shipped with the app (SQL files directly in the folder), sorted. */
    static List<String> names() {
        URL folder = MigrationFiles.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return namesIn(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return namesIn(jar.getPath(FOLDER));
            } catch (FileSystemAlreadyExistsException e) {
                return namesIn(FileSystems.getFileSystem(uri).getPath(FOLDER));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations folder " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Flyway's checksum of a shipped migration, the number Flyway records in {@code flyway_schema_history.checksum}
     * and compares on every migrate: CRC32 over the UTF-8 bytes of each line without its line ending, a byte-order
     * mark dropped (Flyway's ChecksumCalculator). So line endings do not count, and every other byte does.
     */
    static int checksum(String fileName) {
        try (InputStream in = MigrationFiles.class.getClassLoader().getResourceAsStream(FOLDER + "/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No migration " + fileName + " in " + FOLDER);
            }
            return checksum(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int checksum(InputStream content) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String withoutBom = line.startsWith("\uFEFF") ? line.substring(1) : line;
            crc.update(withoutBom.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    static Optional<String> versionOf(String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        return matcher.matches() ? Optional.of(matcher.group(1).replace('_', '.')) : Optional.empty();
    }

    /** Numeric comparison of Flyway versions ("10" after "9", "2.10" after "2.1"). */
    public static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
