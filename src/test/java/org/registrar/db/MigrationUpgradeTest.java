package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Databases made by the V1…V64 chain before the baseline (school servers, users' embedded servers) keep upgrading
 * with the app's own migration code, keep their rows, and end with the schema a new database gets (ADR 0032).
 */
class MigrationUpgradeTest {

    @Test
    void oldChainDatabaseKeepsItsRowsAndTakesTheMigrationsAfterTheBaseline(@TempDir Path oldFiles) throws IOException {
        DataSource old = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        OldChain.build(old, "64", OldChain.files(oldFiles));
        Jdbi jdbi = Jdbi.create(old);
        addRows(jdbi);

        String version = Migrations.apply(old, Migrations.LOCATION, OldChain.LATER_MIGRATION);

        assertThat(version).isEqualTo("100000");
        List<String> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT s.search_key || ' ' || r.score || ' v' || r.version || ' history ' || "
                                + "(SELECT count(*) FROM result_history) FROM assessment_results r"
                                + " JOIN students s ON s.id = r.student_id")
                .mapTo(String.class)
                .list());
        assertThat(rows).containsExactly("muller anna 15.00 v2 history 2");
        assertThat(scripts(jdbi))
                .doesNotContain("B64__baseline_1_0.sql")
                .contains("V100000__later_migration_probe.sql");
        assertThat(recordedChecksums(jdbi)).isEqualTo(shippedChecksums(recordedChecksums(jdbi)));
        assertSameSchema(jdbi, freshDatabase(Migrations.LOCATION, OldChain.LATER_MIGRATION));
    }

    /** Sites that ran V53, V54 or V58 before they were edited: Flyway alone refuses them (checksum mismatch). */
    @ParameterizedTest
    @ValueSource(strings = {"497ce70,e49e1e1", "ca9f018"})
    void databaseThatRanEarlierTextsOfEditedMigrationsUpgrades(String commits, @TempDir Path oldFiles)
            throws IOException {
        String[] overlays = commits.split(",");
        for (int i = 0; i < overlays.length; i++) {
            overlays[i] = "schema/edited-migrations/" + overlays[i];
        }
        DataSource old = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        OldChain.build(old, "58", OldChain.files(oldFiles, overlays));
        Jdbi jdbi = Jdbi.create(old);
        assertThat(recordedChecksums(jdbi)).isNotEqualTo(shippedChecksums(recordedChecksums(jdbi)));

        String version = Migrations.apply(old);

        assertThat(version).isEqualTo(MigrationFiles.latestVersion());
        assertThat(recordedChecksums(jdbi)).isEqualTo(shippedChecksums(recordedChecksums(jdbi)));
        assertSameSchema(jdbi, freshDatabase(Migrations.LOCATION));
    }

    @Test
    void historyWithoutRegistrarsMarkerIsNeitherRepairedNorMigrated(@TempDir Path oldFiles) throws IOException {
        DataSource old = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        OldChain.build(old, "58", OldChain.files(oldFiles, "schema/edited-migrations/497ce70"));
        Jdbi jdbi = Jdbi.create(old);
        jdbi.useHandle(handle -> handle.execute("UPDATE flyway_schema_history SET checksum = 1 WHERE version = '1'"));
        Map<String, Integer> before = recordedChecksums(jdbi);

        assertThatThrownBy(() -> Migrations.apply(old))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageStartingWith("This database's schema history does not match this Registrar's migrations")
                .hasMessageEndingWith("Nothing was changed. Ask your administrator (admin guide: Databases made by"
                        + " earlier versions).");
        assertThat(recordedChecksums(jdbi)).isEqualTo(before);
    }

    @Test
    void migrationEditedInAnUnknownWayIsRefusedAndNothingChanges(@TempDir Path oldFiles) throws IOException {
        DataSource old = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        OldChain.build(old, "60", OldChain.files(oldFiles));
        Jdbi jdbi = Jdbi.create(old);
        jdbi.useHandle(
                handle -> handle.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '60'"));

        assertThatThrownBy(() -> Migrations.apply(old))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessageContaining("60");
        assertThat(Migrations.currentVersion(old)).isEqualTo("60");
        assertThat(recordedChecksums(jdbi)).containsEntry("60", 12345);
    }

    private static void addRows(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO cohorts (name, grade_level, school_year) VALUES ('7A', 7, 2026)");
            handle.execute("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                    + " SELECT 'S1', 'Müller', 'Anna', id FROM cohorts");
            handle.execute("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on)"
                    + " SELECT id, 'Test 1', 'Maths', 20, DATE '2026-11-01' FROM cohorts");
            handle.execute("INSERT INTO assessment_results (assessment_id, student_id, score)"
                    + " SELECT a.id, s.id, 12 FROM assessments a, students s");
            handle.execute("UPDATE assessment_results SET score = 15");
        });
    }

    private static Jdbi freshDatabase(String... locations) {
        DataSource fresh = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        Migrations.apply(fresh, locations);
        return Jdbi.create(fresh);
    }

    /** Same schema; rows differ by design (change stamps count the writes). */
    private static void assertSameSchema(Jdbi upgraded, Jdbi fresh) {
        TreeSet<String> upgradedSchema = withoutRows(SchemaCatalog.describe(upgraded));
        TreeSet<String> freshSchema = withoutRows(SchemaCatalog.describe(fresh));
        assertThat(SchemaCatalog.difference("upgraded", upgradedSchema, "fresh", freshSchema))
                .as("objects that differ between the upgraded old database and a new one")
                .isEmpty();
    }

    private static TreeSet<String> withoutRows(TreeSet<String> lines) {
        return lines.stream()
                .filter(line -> !line.startsWith("change stamp "))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> scripts(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT script FROM flyway_schema_history")
                .mapTo(String.class)
                .list());
    }

    /** Version → checksum of each applied V file of the shipped folder. */
    private static Map<String, Integer> recordedChecksums(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT version, checksum FROM flyway_schema_history"
                        + " WHERE type = 'SQL' AND script NOT LIKE 'V100000%'")
                .map((row, context) -> Map.entry(row.getString("version"), row.getInt("checksum")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static Map<String, Integer> shippedChecksums(Map<String, Integer> versions) {
        return MigrationFiles.names().stream()
                .filter(name -> name.startsWith("V"))
                .filter(name ->
                        versions.containsKey(MigrationFiles.versionOf(name).orElseThrow()))
                .collect(Collectors.toMap(
                        name -> MigrationFiles.versionOf(name).orElseThrow(), MigrationFiles::checksum));
    }
}
