package org.registrar.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.registrar.db.ConnectionProfile;

/**
 * The saved connection profile in the user's preferences. A password is never stored. Thread-safe (Preferences
 * is).
 */
final class ProfileStore {
    private static final String URL = "url";
    private static final String USER = "user";
    private static final String SSL_MODE = "sslMode";
    private static final String SSL_ROOT_CERT = "sslRootCert";
    private static final String PGBOUNCER = "pgBouncer";
    private static final String POOL_SIZE = "poolSize";

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

    /** The saved fields; empty means "use the embedded server". */
    Optional<Saved> fields() {
        String url = node.get(URL, null);
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new Saved(
                url,
                node.get(USER, null),
                node.get(SSL_MODE, "prefer"),
                node.get(SSL_ROOT_CERT, null),
                node.getBoolean(PGBOUNCER, false),
                Math.max(
                        1,
                        Math.min(
                                ConnectionProfile.MAX_POOL_SIZE,
                                node.getInt(POOL_SIZE, ConnectionProfile.DEFAULT_POOL_SIZE)))));
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
            throw new SettingsProblem("The saved connection settings", invalid);
        }
    }

    void save(ConnectionProfile profile) {
        if (profile.isEmbedded()) {
            clear();
            return;
        }
        node.put(URL, profile.url());
        putOrRemove(USER, profile.user());
        node.put(SSL_MODE, profile.sslMode().jdbcValue());
        putOrRemove(SSL_ROOT_CERT, profile.rootCertificate().map(Path::toString).orElse(null));
        node.putBoolean(PGBOUNCER, profile.pgBouncer());
        node.putInt(POOL_SIZE, profile.poolSize());
        flush();
    }

    void clear() {
        for (String key : new String[] {URL, USER, SSL_MODE, SSL_ROOT_CERT, PGBOUNCER, POOL_SIZE}) {
            node.remove(key);
        }
        flush();
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
