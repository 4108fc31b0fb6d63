package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each group role's logins get the privileges docs/schema.md gives it, read from the server, not from a name. */
class PrivilegesRepositoryTest {
    private String name;
    private final List<Database> open = new ArrayList<>();

    @BeforeEach
    void database() {
        name = TestDatabases.freshDatabase();
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    private Privileges of(String groupRole) {
        String login = "p_" + groupRole.replace("registrar_", "") + "_" + name;
        Database database = TestDatabases.openAs(name, login, groupRole, 1);
        open.add(database);
        return new PrivilegesRepository(database.jdbi()).load();
    }

    @Test
    void adminMayDoEverythingButSignalOtherSessions() {
        assertThat(of("registrar_admin")).isEqualTo(new Privileges(true, true, true, true, true, true, true, false));
    }

    @Test
    void staffEnterResultsAndEditProfilesButNeitherCreateAssessmentsNorChangeNumbers() {
        assertThat(of("registrar_staff")).isEqualTo(new Privileges(true, true, false, true, false, true, false, false));
    }

    @Test
    void supportSeesNoStudentDataAndMayChangeNothing() {
        assertThat(of("registrar_support"))
                .isEqualTo(new Privileges(false, false, false, false, false, false, false, false));
    }

    @Test
    void aLoginGrantedPgSignalBackendMaySignalSessions() {
        TestDatabases.jdbi(name).useHandle(handle -> handle.execute("GRANT pg_signal_backend TO registrar_support"));
        try {
            assertThat(of("registrar_support").canSignalBackends()).isTrue();
        } finally {
            TestDatabases.jdbi(name)
                    .useHandle(handle -> handle.execute("REVOKE pg_signal_backend FROM registrar_support"));
        }
    }
}
