package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A start whose schema history holds exactly the shipped migrations needs no Flyway run; any difference, an edited
 * migration among them, still goes through Flyway and is refused as before.
 */
class SchemaCheckAtStartTest {
    @Test
    void aSchemaMigratedFromTheShippedScriptsIsRecognisedWithoutFlyway() {
        DataSource database = TestDatabases.dataSource(TestDatabases.freshDatabase());

        assertThat(ShippedSchema.appliedAsShipped(database)).contains(MigrationFiles.latestVersion());
        assertThat(Migrations.apply(database)).isEqualTo(MigrationFiles.latestVersion());
    }

    @Test
    void anAppliedMigrationWhoseScriptChangedIsLeftToFlywayWhichRefusesIt() {
        String name = TestDatabases.freshDatabase();
        TestDatabases.jdbi(name)
                .useHandle(handle ->
                        handle.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE installed_rank ="
                                + " (SELECT max(installed_rank) FROM flyway_schema_history)"));
        DataSource database = TestDatabases.dataSource(name);

        assertThat(ShippedSchema.appliedAsShipped(database)).isEmpty();
        assertThatThrownBy(() -> Migrations.apply(database)).isInstanceOf(SchemaVersionException.class);
    }

    @Test
    void anEmptyDatabaseIsLeftToFlyway() {
        assertThat(ShippedSchema.appliedAsShipped(TestDatabases.dataSource(TestDatabases.emptyDatabase())))
                .isEmpty();
    }
}
