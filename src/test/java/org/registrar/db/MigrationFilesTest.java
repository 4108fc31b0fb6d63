package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationFilesTest {
    @Test
    void latestShippedVersionMatchesWhatFlywayApplies() {
        String name = TestDatabases.freshDatabase();

        assertThat(MigrationFiles.latestVersion()).isEqualTo(Migrations.currentVersion(TestDatabases.dataSource(name)));
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(MigrationFiles.compareVersions("10", "9")).isPositive();
        assertThat(MigrationFiles.compareVersions("2.1", "2.10")).isNegative();
        assertThat(MigrationFiles.versionOf("V20__assessments_drafts.sql")).contains("20");
        assertThat(MigrationFiles.versionOf("R__views.sql")).isEmpty();
    }
}
