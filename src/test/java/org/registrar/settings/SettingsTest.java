package org.registrar.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionProfile;

/**
 * The precedence of ADR 0050, key by key: command line > locked machine keys > user settings > machine defaults >
 * built-in; the address as one group.
 */
class SettingsTest {
    private static final Path FILE = Path.of("/etc/registrar/registrar.properties");

    private static MachineFile machine(Map<Key, String> values, Key... locked) {
        return new MachineFile(FILE, true, values, Set.of(locked), List.of());
    }

    @Test
    void eachLayerWinsOverTheOnesBelowIt() {
        Map<Key, String> commandLine = Map.of(Key.POOL_SIZE, "5");
        MachineFile machine = machine(
                Map.of(
                        Key.POOL_SIZE, "3",
                        Key.SERVER_SSLMODE, "verify-full",
                        Key.LOGIN_HINT, "staff",
                        Key.HEALTH_WARN_SECONDS, "60"),
                Key.POOL_SIZE,
                Key.SERVER_SSLMODE);
        Map<Key, String> user = Map.of(
                Key.POOL_SIZE, "4",
                Key.SERVER_SSLMODE, "disable",
                Key.LOGIN_HINT, "ana");

        Settings settings = Settings.resolve(commandLine, machine, user);

        assertThat(settings.get(Key.POOL_SIZE))
                .isEqualTo(new Settings.Setting(Key.POOL_SIZE, "5", Source.COMMAND_LINE));
        assertThat(settings.get(Key.SERVER_SSLMODE))
                .isEqualTo(new Settings.Setting(Key.SERVER_SSLMODE, "verify-full", Source.MACHINE_LOCKED));
        assertThat(settings.get(Key.LOGIN_HINT)).isEqualTo(new Settings.Setting(Key.LOGIN_HINT, "ana", Source.USER));
        assertThat(settings.get(Key.HEALTH_WARN_SECONDS))
                .isEqualTo(new Settings.Setting(Key.HEALTH_WARN_SECONDS, "60", Source.MACHINE_DEFAULT));
        assertThat(settings.get(Key.HEALTH_ALERT_SECONDS))
                .isEqualTo(new Settings.Setting(Key.HEALTH_ALERT_SECONDS, "300", Source.BUILT_IN));
        assertThat(settings.get(Key.SERVER_HOST).source()).isEqualTo(Source.NOT_SET);
        assertThat(settings.lockedNames()).containsExactly("pool.size", "server.sslmode");
    }

    @Test
    void aLockedKeyWithoutAValueIsLockedAtItsBuiltInValue() {
        Settings settings = Settings.resolve(
                Map.of(),
                machine(Map.of(), Key.PASSWORD_REMEMBER_ALLOWED),
                Map.of(Key.PASSWORD_REMEMBER_ALLOWED, "false"));

        assertThat(settings.get(Key.PASSWORD_REMEMBER_ALLOWED))
                .isEqualTo(new Settings.Setting(Key.PASSWORD_REMEMBER_ALLOWED, "true", Source.MACHINE_LOCKED));
    }

    @Test
    void theAddressComesWholeFromOneLayer() {
        // the machine's default names a URL, the user chose a host: the user's host, with the built-in port
        Settings settings = Settings.resolve(
                Map.of(),
                machine(Map.of(Key.SERVER_URL, "jdbc:postgresql://old.school.example/registrar")),
                Map.of(Key.SERVER_HOST, "db.school.example", Key.SERVER_DATABASE, "school"));

        assertThat(settings.serverUrl()).isEqualTo("jdbc:postgresql://db.school.example:5432/school");
        assertThat(settings.get(Key.SERVER_URL)).isEqualTo(new Settings.Setting(Key.SERVER_URL, null, Source.NOT_SET));
        assertThat(settings.get(Key.SERVER_PORT).source()).isEqualTo(Source.BUILT_IN);
        assertThat(settings.get(Key.SERVER_HOST).source()).isEqualTo(Source.USER);
    }

    @Test
    void lockingTheHostLocksTheWholeAddressAgainstTheUsersUrl() {
        Settings settings = Settings.resolve(
                Map.of(),
                machine(Map.of(Key.SERVER_HOST, "db.school.example", Key.SERVER_PORT, "5433"), Key.SERVER_HOST),
                Map.of(Key.SERVER_URL, "jdbc:postgresql://elsewhere.example/registrar"));

        assertThat(settings.serverUrl()).isEqualTo("jdbc:postgresql://db.school.example:5433/registrar");
        assertThat(settings.locked()).containsAll(Key.ADDRESS);
        assertThat(settings.get(Key.SERVER_URL).source()).isEqualTo(Source.MACHINE_LOCKED);
        assertThat(settings.get(Key.SERVER_DATABASE))
                .isEqualTo(new Settings.Setting(Key.SERVER_DATABASE, "registrar", Source.MACHINE_LOCKED));
    }

    @Test
    void theCommandLineWinsOverALockedAddress() {
        Settings settings = Settings.resolve(
                Map.of(Key.SERVER_URL, "jdbc:postgresql://test.example:5999/registrar"),
                machine(Map.of(Key.SERVER_HOST, "db.school.example"), Key.SERVER_HOST),
                Map.of());

        assertThat(settings.serverUrl()).isEqualTo("jdbc:postgresql://test.example:5999/registrar");
        assertThat(settings.get(Key.SERVER_URL).source()).isEqualTo(Source.COMMAND_LINE);
        assertThat(settings.get(Key.SERVER_HOST).value()).isNull();
    }

    @Test
    void theMachinesDefaultServerIsUsedWhenTheUserNamesNone() {
        Map<Key, String> values = new EnumMap<>(Key.class);
        values.put(Key.SERVER_HOST, "db.school.example");
        values.put(Key.SERVER_SSLMODE, "require");
        values.put(Key.SERVER_PGBOUNCER, "true");
        values.put(Key.LOGIN_HINT, "ana");

        ConnectionProfile profile =
                Settings.resolve(Map.of(), machine(values), Map.of()).profile();

        assertThat(profile)
                .isEqualTo(new ConnectionProfile(
                        "jdbc:postgresql://db.school.example:5432/registrar",
                        "ana",
                        ConnectionProfile.SslMode.REQUIRE,
                        null,
                        true,
                        2));
    }

    @Test
    void noServerAnywhereIsTheEmbeddedOneAndNotConfigured() {
        Settings settings = Settings.resolve(Map.of(Key.POOL_SIZE, "3"), machine(Map.of()), Map.of());

        assertThat(settings.serverConfigured()).isFalse();
        assertThat(settings.profile()).isEqualTo(ConnectionProfile.embedded().withPoolSize(3));
    }

    @Test
    void anUnusableSavedValueSaysWhichLayerHoldsIt() {
        assertThatThrownBy(() -> Settings.resolve(
                                Map.of(),
                                machine(Map.of()),
                                Map.of(Key.SERVER_URL, "jdbc:postgresql://db/x", Key.SERVER_SSLMODE, "bogus"))
                        .profile())
                .isInstanceOfSatisfying(
                        Settings.Unusable.class,
                        unusable -> assertThat(unusable.source()).isEqualTo(Source.USER))
                .hasMessageStartingWith("The TLS mode (sslmode) “bogus” is not one of");
        assertThatThrownBy(() -> Settings.resolve(Map.of(Key.SERVER_URL, "http://db/x"), machine(Map.of()), Map.of())
                        .profile())
                .isInstanceOfSatisfying(
                        Settings.Unusable.class,
                        unusable -> assertThat(unusable.source()).isEqualTo(Source.COMMAND_LINE));
    }
}
