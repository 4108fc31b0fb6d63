package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {

    @Test
    void migrationsApplyToAnEmptyDatabaseAndReportTheNewestVersion() {
        DataSource dataSource = TestDatabases.dataSource(TestDatabases.emptyDatabase());

        assertThat(Migrations.currentVersion(dataSource)).isEqualTo("none");
        String applied = Migrations.apply(dataSource);

        assertThat(applied).isEqualTo(Migrations.expectedVersion(dataSource));
        assertThat(Migrations.currentVersion(dataSource)).isEqualTo(applied);
        assertThat(Integer.parseInt(applied)).isGreaterThanOrEqualTo(3);
        assertThat(tables(Jdbi.create(dataSource)))
                .contains(
                        "cohorts",
                        "students",
                        "mentors",
                        "mentor_assignments",
                        "assessments",
                        "assessment_results",
                        "result_history",
                        "saved_batches",
                        "change_stamps");
    }

    @Test
    void secondApplyChangesNothing() {
        DataSource dataSource = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        String first = Migrations.apply(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        long historyRows = historyRows(jdbi);

        String second = Migrations.apply(dataSource);

        assertThat(second).isEqualTo(first);
        assertThat(historyRows(jdbi)).isEqualTo(historyRows);
    }

    @Test
    void databaseUpgradedByANewerAppIsRefusedWithAClearMessageAndLeftUntouched() {
        DataSource dataSource = TestDatabases.dataSource(TestDatabases.emptyDatabase());
        String known = Migrations.apply(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        FutureMigrations.record(jdbi, "999");
        long historyRows = historyRows(jdbi);

        assertThatThrownBy(() -> Migrations.apply(dataSource))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessage("This database was upgraded by a newer Registrar (schema 999); this app knows schema "
                        + known + ". Please install the newer version.");
        assertThat(historyRows(jdbi)).isEqualTo(historyRows);
        assertThat(DatabaseErrors.describe(new RuntimeException(catchThrowable(() -> Migrations.apply(dataSource)))))
                .startsWith("This database was upgraded by a newer Registrar (schema 999)");
    }

    @Test
    void loginThatMayNotMigrateIsToldToAskTheAdministrator() {
        String name = TestDatabases.emptyDatabase();
        String login = "plain_" + name;
        TestDatabases.jdbi(name).useHandle(handle -> handle.execute("CREATE ROLE " + login + " LOGIN"));
        PGSimpleDataSource asPlainLogin = new PGSimpleDataSource();
        asPlainLogin.setUrl(TestDatabases.jdbcUrl(name));
        asPlainLogin.setUser(login);
        String needed = Migrations.expectedVersion(TestDatabases.dataSource(name));

        assertThatThrownBy(() -> Migrations.apply(asPlainLogin))
                .isInstanceOf(SchemaVersionException.class)
                .hasMessage("This database has no Registrar schema yet and this app needs schema " + needed
                        + ", but your login may not upgrade it. Ask your administrator to upgrade the database"
                        + " with the owner login (admin guide: Schema upgrades).");
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo("none");
    }

    @Test
    void migratingAnotherDatabaseOnTheSameServerReusesTheGroupRoles() {
        Migrations.apply(TestDatabases.dataSource(TestDatabases.emptyDatabase()));
        DataSource second = TestDatabases.dataSource(TestDatabases.emptyDatabase());

        Migrations.apply(second);

        int groupRoles = Jdbi.create(second)
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'registrar\\_%' AND NOT rolcanlogin")
                        .mapTo(Integer.class)
                        .one());
        assertThat(groupRoles).isEqualTo(4); // admin, staff, support and the owner
    }

    @Test
    void foldingIgnoresCaseAndAccentsWithOrWithoutUnaccent() {
        Jdbi jdbi = TestDatabases.jdbi(TestDatabases.freshDatabase());
        List<String> names = List.of(
                "Müller",
                "Nguyễn Thị Đào",
                "Łukaszewski",
                "Øystein",
                "Straße",
                "Yılmaz",
                "İbrahim",
                "Çelik",
                "François",
                "Peña",
                "Dvořák",
                "Åsa",
                "Søren",
                "O'Brien");

        List<String> folded = fold(jdbi, "registrar_fold", names);

        assertThat(folded)
                .containsExactly(
                        "muller",
                        "nguyen thi dao",
                        "lukaszewski",
                        "oystein",
                        "strasse",
                        "yilmaz",
                        "ibrahim",
                        "celik",
                        "francois",
                        "pena",
                        "dvorak",
                        "asa",
                        "soren",
                        "o'brien");
        assertThat(fold(jdbi, "registrar_fold_portable", names)).isEqualTo(folded);
    }

    private static List<String> fold(Jdbi jdbi, String function, List<String> names) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + function + "(name) FROM unnest(:names)"
                        + " WITH ORDINALITY AS n(name, position) ORDER BY position")
                .bindArray("names", String.class, names)
                .mapTo(String.class)
                .list());
    }

    private static List<String> tables(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                        .mapTo(String.class)
                        .list());
    }

    private static long historyRows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM flyway_schema_history")
                .mapTo(Long.class)
                .one());
    }
}
