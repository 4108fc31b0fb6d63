package org.registrar.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.registrar.db.ConnectionProfile;
import org.registrar.settings.Key;

/**
 * The user's own settings (the "user" layer of ADR 0050) in the user's preferences, under the names the machine file
 * uses ({@code server.url}, {@code login.hint}, …); settings saved before issue 17 under the old names (url, user,
 * sslMode, sslRootCert, pgBouncer, poolSize) are read too and replaced by the next save. A password is never stored
 * here (the keychain holds a remembered one). Also remembers the welcome card's choice. Thread-safe (Preferences is).
 */
final class ProfileStore {
    private static final String URL = Key.SERVER_URL.key();
    private static final String USER = Key.LOGIN_HINT.key();
    private static final String SSL_MODE = Key.SERVER_SSLMODE.key();
    private static final String SSL_ROOT_CERT = Key.SERVER_SSLROOTCERT.key();
    private static final String PGBOUNCER = Key.SERVER_PGBOUNCER.key();
    private static final String POOL_SIZE = Key.POOL_SIZE.key();
    /** The names before issue 17, read when the new one is absent. */
    private static final Map<String, String> LEGACY = Map.of(
            URL, "url",
            USER, "user",
            SSL_MODE, "sslMode",
            SSL_ROOT_CERT, "sslRootCert",
            PGBOUNCER, "pgBouncer",
            POOL_SIZE, "poolSize");
    /** "demo" once the user chose the demo on the welcome card. */
    private static final String START_CHOICE = "start.choice";

    private final Preferences node;

    ProfileStore(Preferences node) {
        this.node = node;
    }

    static ProfileStore forUser() {
        // tests point this elsewhere so they never touch a real user's saved profile
        return new ProfileStore(
                Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar/connection")));
    }

    /**
     * The saved fields as stored, also when they do not make a usable profile (an older version, or an edited
     * preferences file, may have saved anything): the settings dialog shows them with the problem.
     */
    record Saved(String url, String user, String sslMode, String rootCert, boolean pgBouncer, int poolSize) {
        /** @throws IllegalArgumentException naming what is wrong (never repeating a password) */
        ConnectionProfile toProfile() {
            return new ConnectionProfile(
                    url,
                    user,
                    ConnectionProfile.SslMode.parse(sslMode),
                    rootCert == null ? null : Path.of(rootCert),
                    pgBouncer,
                    poolSize);
        }
    }

    /** The saved value under its name, else under its name before issue 17; null when neither is saved. */
    private String get(String name) {
        String value = node.get(name, null);
        return value != null ? value : node.get(LEGACY.getOrDefault(name, name), null);
    }

    /**
     * The user layer: every setting the user saved, as saved (not checked: an older version or an edited preferences
     * file may hold anything; {@link org.registrar.settings.Settings#profile()} names what cannot be used).
     */
    Map<Key, String> layer() {
        Map<Key, String> layer = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String value = get(key.key());
            if (value != null && !value.isBlank()) {
                layer.put(key, value.strip());
            }
        }
        return layer;
    }

    /** The saved fields; empty means "use the embedded server". */
    Optional<Saved> fields() {
        String url = get(URL);
        if (url == null) {
            return Optional.empty();
        }
        int poolSize;
        try {
            poolSize = Integer.parseInt(String.valueOf(get(POOL_SIZE)));
        } catch (NumberFormatException notANumber) {
            poolSize = ConnectionProfile.DEFAULT_POOL_SIZE;
        }
        return Optional.of(new Saved(
                url,
                get(USER),
                Optional.ofNullable(get(SSL_MODE)).orElse("prefer"),
                get(SSL_ROOT_CERT),
                Boolean.parseBoolean(get(PGBOUNCER)),
                Math.max(1, Math.min(ConnectionProfile.MAX_POOL_SIZE, poolSize))));
    }

    /** The language chosen in the menu (ADR 0049), for the next start; null forgets it (the system's again). */
    void saveLanguage(String tag) {
        putOrRemove(Key.UI_LANGUAGE.key(), tag);
        flush();
    }

    /** The user chose the demo on the welcome card: the next start goes straight to it. */
    boolean demoChosen() {
        return "demo".equals(node.get(START_CHOICE, null));
    }

    void rememberDemoChosen(boolean chosen) {
        if (chosen) {
            node.put(START_CHOICE, "demo");
        } else {
            node.remove(START_CHOICE);
        }
        flush();
    }

    /**
     * The saved profile; empty means "use the embedded server".
     *
     * @throws SettingsProblem when the saved settings cannot make a profile
     */
    Optional<ConnectionProfile> load() {
        Optional<Saved> saved = fields();
        try {
            return saved.map(Saved::toProfile);
        } catch (IllegalArgumentException invalid) {
            throw new SettingsProblem(SettingsProblem.Where.SAVED, invalid);
        }
    }

    void save(ConnectionProfile profile) {
        if (profile.isEmbedded()) {
            clear();
            return;
        }
        removeLegacy();
        node.remove(Key.SERVER_HOST.key());
        node.remove(Key.SERVER_PORT.key());
        node.remove(Key.SERVER_DATABASE.key());
        node.put(URL, profile.url());
        putOrRemove(USER, profile.user());
        node.put(SSL_MODE, profile.sslMode().jdbcValue());
        putOrRemove(SSL_ROOT_CERT, profile.rootCertificate().map(Path::toString).orElse(null));
        node.putBoolean(PGBOUNCER, profile.pgBouncer());
        node.putInt(POOL_SIZE, profile.poolSize());
        flush();
    }

    /** Forgets the saved server (every connection setting, old names too); the welcome card's choice stays. */
    void clear() {
        removeLegacy();
        for (Key key : Key.values()) {
            if (!key.key().startsWith("health.") && key != Key.UI_LANGUAGE) {
                node.remove(key.key());
            }
        }
        flush();
    }

    private void removeLegacy() {
        LEGACY.values().forEach(node::remove);
    }

    private void putOrRemove(String key, String value) {
        if (value == null || value.isBlank()) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Could not save the connection profile: " + e.getMessage(), e);
        }
    }
}
