package org.registrar.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Test fixture: builds a database the way Registrar did before the baseline (ADR 0032), one V file after the other
 * from the shipped files without B64, as installed sites and users' embedded servers hold them. Flyway itself would
 * start an empty database from B64 whatever the target, so the old chain runs from a folder that lacks it.
 */
public final class OldChain {
    /** A test-only V file after every shipped one, standing for the migrations that come after the baseline. */
    public static final String LATER_MIGRATION = "classpath:schema/later-migration";

    private OldChain() {}

    /**
     * Copies the shipped V files into {@code folder}, then the files of each class-path folder in {@code overlays}
     * over them (earlier texts of edited migrations); returns the Flyway location of {@code folder}.
     */
    public static String files(Path folder, String... overlays) throws IOException {
        for (String name : MigrationFiles.names()) {
            if (name.startsWith("V")) {
                try (InputStream in =
                        OldChain.class.getClassLoader().getResourceAsStream(MigrationFiles.FOLDER + "/" + name)) {
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String overlay : overlays) {
            try (Stream<Path> files = Files.list(classPathFolder(overlay))) {
                for (Path file : files.toList()) {
                    Files.copy(
                            file, folder.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return "filesystem:" + folder;
    }

    /** Applies the V files of {@code location} up to {@code target}, as the app before the baseline did. */
    public static void build(DataSource dataSource, String target, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .target(target)
                .load()
                .migrate();
    }

    private static Path classPathFolder(String name) {
        URL url = OldChain.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new UncheckedIOException(new IOException("No class-path folder " + name));
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
