package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApplicationNameTest {
    @Test
    void namesVersionHostAndOsUser() {
        assertThat(ApplicationName.of("1.2.0", "lab-pc-07", "ana")).isEqualTo("Registrar 1.2.0 @ lab-pc-07/ana");
    }

    @Test
    void staysWithinPostgresLimitWithoutBreakingACharacter() {
        String name =
                ApplicationName.of("1.2.0", "very-long-host-name-of-the-school-library-desktop", "müller-lüdenscheidt");

        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(name).startsWith("Registrar 1.2.0 @ very-long-host").doesNotContain("\uFFFD");
    }
}
