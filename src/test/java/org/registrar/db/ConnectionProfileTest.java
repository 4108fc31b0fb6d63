package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionProfileTest {
    private static ConnectionProfile withUrl(String url) {
        return new ConnectionProfile(url, "ana", ConnectionProfile.SslMode.VERIFY_FULL, null, false, 2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db/registrar?socketFactory=evil.Factory",
                "jdbc:postgresql://db/registrar?sslfactory=org.postgresql.ssl.NonValidatingFactory",
                "jdbc:postgresql://db/registrar?authenticationPluginClassName=x.Y",
                "jdbc:postgresql://db/registrar?password=secret",
                "jdbc:postgresql://db/registrar&loggerFile=/tmp/x"
            })
    void urlsCarryingDriverPropertiesAreRefused(String url) {
        assertThatThrownBy(() -> withUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not carry driver options");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://ana:Sekr1t@db/registrar",
                "jdbc:postgresql://ana:Sek/r1t@db:5432/registrar",
                "jdbc:postgresql://ana@db/registrar"
            })
    void urlsHoldingAUserOrPasswordAreRefusedWithoutRepeatingThem(String url) {
        assertThatThrownBy(() -> withUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not hold a user name or password")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("Sek"));
    }

    @Test
    void aRefusedUrlIsShownWithoutItsCredentialsOrOptions() {
        assertThatThrownBy(() -> withUrl("postgres://ana:Sekr1t@db/registrar?password=Other"))
                .hasMessageContaining("(was postgres://…@db/registrar?…)")
                .satisfies(error ->
                        assertThat(error.getMessage()).doesNotContain("Sekr1t").doesNotContain("Other"));
    }

    @Test
    void anUnknownSslModeIsNamedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> ConnectionProfile.SslMode.parse("bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The TLS mode (sslmode) “bogus” is not one of disable, allow, prefer, require, verify-ca, "
                        + "verify-full.");
    }

    @Test
    void nonPostgresUrlsAreRefused() {
        assertThatThrownBy(() -> withUrl("jdbc:h2:mem:x")).hasMessageContaining("must start with jdbc:postgresql:");
    }

    @Test
    void describeNamesUserHostAndDatabaseButNeverAPassword() {
        assertThat(withUrl("jdbc:postgresql://db.school.example:5432/registrar").describe())
                .isEqualTo("ana@db.school.example:5432/registrar");
    }

    @Test
    void poolSizeIsBetweenOneAndTen() {
        assertThatThrownBy(() -> ConnectionProfile.embedded().withPoolSize(11))
                .hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> ConnectionProfile.embedded().withPoolSize(0)).hasMessageContaining("between 1 and 10");
    }

    @Test
    void sslModesUsePgjdbcSpelling() {
        assertThat(ConnectionProfile.SslMode.VERIFY_FULL.jdbcValue()).isEqualTo("verify-full");
        assertThat(ConnectionProfile.SslMode.parse("verify-ca")).isEqualTo(ConnectionProfile.SslMode.VERIFY_CA);
    }
}
