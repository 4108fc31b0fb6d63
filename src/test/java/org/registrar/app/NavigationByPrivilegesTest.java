package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.registrar.db.Privileges;

/** The navigation follows the login's privileges, not its role's name. */
class NavigationByPrivilegesTest {
    @Test
    void aLoginThatMayNotReadStudentDataSeesOnlyHealthAndConnection() {
        Privileges support = new Privileges(false, false, false, false, false, false, false, false);

        assertThat(MainWindow.screensFor(support)).containsExactly("Health", "Connection");
    }

    @Test
    void aLoginThatReadsStudentDataSeesEveryScreenInOrder() {
        Privileges staff = new Privileges(true, true, false, true, false, true, false, false);

        assertThat(MainWindow.screensFor(staff))
                .containsExactly("Students", "Assessments", "Mentors", "Health", "Connection", "Reports");
    }
}
