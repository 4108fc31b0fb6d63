package org.registrar.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations this build of the app carries, read from its own class path (a folder or the jar) without a
 * database connection, so checks need no extra pooled connection. Thread-safe.
 */
public final class MigrationFiles {
    private static final String FOLDER = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private MigrationFiles() {}

    /** The highest migration version shipped with the app, e.g. "50". */
    public static String latestVersion() {
        return inFolder(MigrationFiles::latestIn, "none");
    }

    /**
     * Each versioned migration's file name and its checksum as Flyway computes it (CRC32 of the UTF-8 lines without
     * their line breaks, a byte order mark dropped), to compare with what the schema history recorded.
     */
    static Map<String, Integer> checksums() {
        return inFolder(MigrationFiles::checksumsIn, Map.of());
    }

    private static Map<String, Integer> checksumsIn(Path folder) throws IOException {
        Map<String, Integer> sums = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (versionOf(name).isPresent()) {
                    sums.put(name, checksum(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        }
        return sums;
    }

    static int checksum(String script) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                crc.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    /** Reading the folder the migrations are in, in a folder of classes or in the jar; {@code none} when absent. */
    private interface FolderReader<T> {
        T read(Path folder) throws IOException;
    }

    private static <T> T inFolder(FolderReader<T> reader, T none) {
        URL folder = MigrationFiles.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return none;
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return reader.read(jar.getPath(FOLDER));
                }
            }
            return reader.read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations folder " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            try {
                return reader.read(FileSystems.getFileSystem(folder.toURI()).getPath(FOLDER));
            } catch (IOException | URISyntaxException inner) {
                throw new IllegalStateException(inner);
            }
        }
    }

    private static String latestIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> versionOf(file.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .max(MigrationFiles::compareVersions)
                    .orElse("none");
        }
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
