package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Migrations are append-only (ADR 0032): a file a database ran can never change, or Flyway refuses to migrate that
 * database. The committed list schema/migration-checksums.txt holds every file with its Flyway checksum. No
 * database needed.
 */
class MigrationChecksumsTest {
    private static final String LIST = "src/test/resources/schema/migration-checksums.txt";

    @Test
    void everyListedMigrationIsShippedUnchanged() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> shipped = MigrationFiles.names();
        listed().forEach((name, checksum) -> {
            if (!shipped.contains(name)) {
                problems.add(name + " is listed but no longer shipped: databases that ran it would fail validation."
                        + " Put it back.");
            } else if (MigrationFiles.checksum(name) != checksum) {
                problems.add(name + " changed after it was committed (checksum " + MigrationFiles.checksum(name)
                        + ", listed " + checksum + "): every database that ran it would refuse to migrate. Revert"
                        + " it and put the change in a new V file.");
            }
        });
        assertThat(problems).as("edited or removed migrations").isEmpty();
    }

    @Test
    void everyShippedMigrationIsListedAfterTheOnesBeforeIt() throws IOException {
        Map<String, Integer> listed = listed();
        String newestListed = newest(
                listed.keySet().stream().filter(name -> name.startsWith("V")).toList());
        List<String> problems = new ArrayList<>();
        for (String name : MigrationFiles.names()) {
            if (listed.containsKey(name)) {
                continue;
            }
            String version = MigrationFiles.versionOf(name).orElse("none");
            if (version.equals("none") || MigrationFiles.compareVersions(version, newestListed) <= 0) {
                problems.add(name + " is not above V" + newestListed + ", the newest listed migration: databases"
                        + " already past it would never run it. Name it V<next version>__<what it does>.sql.");
            } else {
                problems.add(name + " is new. Once it is final, append this line to " + LIST + ": " + name + " "
                        + MigrationFiles.checksum(name));
            }
        }
        assertThat(problems).as("migrations missing from the checksum list").isEmpty();
    }

    @Test
    void listedVersionsOnlyGrow() throws IOException {
        List<String> versions = new ArrayList<>();
        for (String name : listed().keySet()) {
            if (name.startsWith("V")) {
                String version = MigrationFiles.versionOf(name).orElseThrow();
                if (!versions.isEmpty()) {
                    assertThat(MigrationFiles.compareVersions(version, versions.get(versions.size() - 1)))
                            .as(name + " is listed after a higher version")
                            .isPositive();
                }
                versions.add(version);
            }
        }
        assertThat(versions).contains("1", "64");
    }

    @Test
    void checksumIsFlywaysLineBasedCrc() throws IOException {
        byte[] unix = "SELECT 1;\n-- done\n".getBytes(StandardCharsets.UTF_8);
        byte[] windowsWithBom = "\uFEFFSELECT 1;\r\n-- done\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] edited = "SELECT 1;\n-- done.\n".getBytes(StandardCharsets.UTF_8);

        int checksum = MigrationFiles.checksum(new ByteArrayInputStream(unix));

        assertThat(MigrationFiles.checksum(new ByteArrayInputStream(windowsWithBom)))
                .isEqualTo(checksum);
        assertThat(MigrationFiles.checksum(new ByteArrayInputStream(edited))).isNotEqualTo(checksum);
    }

    @Test
    void repairedEditsLeadToTheShippedFiles() throws IOException {
        Map<String, Integer> listed = listed();
        assertThat(listed.get("V1__schema.sql")).isEqualTo(EditedMigrations.V1_CHECKSUM);
        for (EditedMigrations.Edit edit : EditedMigrations.KNOWN) {
            String file = MigrationFiles.names().stream()
                    .filter(name -> name.startsWith("V" + edit.version() + "__"))
                    .findFirst()
                    .orElseThrow();
            assertThat(edit.shipped()).as(file).isEqualTo(listed.get(file));
            try (InputStream earlier = getClass()
                    .getClassLoader()
                    .getResourceAsStream("schema/edited-migrations/" + edit.commit() + "/" + file)) {
                assertThat(MigrationFiles.checksum(earlier))
                        .as(file + " of " + edit.commit())
                        .isEqualTo(edit.earlier());
            }
        }
    }

    /** The list, in its order: file name → checksum. */
    private static Map<String, Integer> listed() throws IOException {
        Map<String, Integer> entries = new LinkedHashMap<>();
        try (InputStream in =
                MigrationChecksumsTest.class.getClassLoader().getResourceAsStream("schema/migration-checksums.txt")) {
            assertThat(in).as(LIST).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split(" ");
                assertThat(entries.put(fields[0], Integer.valueOf(fields[1])))
                        .as("listed twice: " + fields[0])
                        .isNull();
            }
        }
        return entries;
    }

    private static String newest(List<String> names) {
        return names.stream()
                .map(name -> MigrationFiles.versionOf(name).orElseThrow())
                .max(MigrationFiles::compareVersions)
                .orElse("0");
    }
}
