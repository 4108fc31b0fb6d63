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
        URL folder = MigrationFiles.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return "none";
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return latestIn(jar.getPath(FOLDER));
                }
            }
            return latestIn(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the migrations folder " + folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
            try {
                return latestIn(FileSystems.getFileSystem(folder.toURI()).getPath(FOLDER));
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
