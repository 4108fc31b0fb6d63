package org.registrar.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.registrar.db.ConnectionProfile;
import org.registrar.settings.FileIssue;
import org.registrar.settings.Key;
import org.registrar.settings.MachineFile;
import org.registrar.settings.Settings;
import org.registrar.settings.Source;
import picocli.CommandLine.Option;

/**
 * Command-line connection options shared by the window and the headless commands: the command-line layer of the
 * settings (ADR 0050) and where the machine-wide file is. Their descriptions and labels are in the help bundle
 * ({@link CommandHelp}), under each option's name without its dashes.
 */
final class ConnectionOptions {
    @Option(names = "--config", paramLabel = "${bundle:label.file}")
    Path config;

    @Option(names = "--db-url", paramLabel = "${bundle:label.url}")
    String url;

    @Option(names = "--db-user", paramLabel = "${bundle:label.user}")
    String user;

    @Option(names = "--ssl-mode", paramLabel = "${bundle:label.mode}")
    String sslMode;

    @Option(names = "--ssl-root-cert", paramLabel = "${bundle:label.file}")
    Path sslRootCert;

    @Option(names = "--pgbouncer")
    boolean pgBouncer;

    @Option(names = "--pool-size", paramLabel = "${bundle:label.number}")
    Integer poolSize;

    @Option(names = "--language", paramLabel = "${bundle:label.language}")
    String language;

    @Option(names = "--data-home", paramLabel = "${bundle:label.folder}")
    Path dataHome;

    /**
     * The profile the command line asks for; empty when it names no server.
     *
     * @throws SettingsProblem when the options cannot make a profile
     */
    Optional<ConnectionProfile> profile() {
        try {
            return given();
        } catch (IllegalArgumentException invalid) {
            throw new SettingsProblem(SettingsProblem.Where.OPTIONS, invalid);
        }
    }

    /**
     * The profile of the effective settings (command line, machine file, the user's own): the server's, else the
     * embedded server. Blocking (reads the machine file and the preferences).
     *
     * @throws SettingsProblem when the machine file has problems or the settings cannot make a profile
     */
    ConnectionProfile resolve() {
        return profileOf(settings());
    }

    /** The effective settings; blocking (file and preferences). */
    Settings settings() {
        return Settings.resolve(layer(), machineFile(), ProfileStore.forUser().layer());
    }

    /** The machine-wide file: --config FILE (which must exist), else this OS's one when there is one. Blocking. */
    MachineFile machineFile() {
        return config != null ? MachineFile.read(config, true) : MachineFile.read(MachineFile.defaultLocation(), false);
    }

    /**
     * @throws SettingsProblem when the machine file has problems (all of them named) or a setting cannot be used
     */
    static ConnectionProfile profileOf(Settings settings) {
        MachineFile machine = settings.machineFile();
        if (machine.hasIssues()) {
            throw machineFileProblem(machine);
        }
        try {
            return settings.profile();
        } catch (Settings.Unusable unusable) {
            throw new SettingsProblem(
                    unusable.source() == Source.COMMAND_LINE
                            ? SettingsProblem.Where.OPTIONS
                            : unusable.source() == Source.USER
                                    ? SettingsProblem.Where.SAVED
                                    : SettingsProblem.Where.MACHINE_SETTINGS,
                    unusable);
        }
    }

    static SettingsProblem machineFileProblem(MachineFile machine) {
        StringBuilder text = new StringBuilder();
        for (FileIssue issue : machine.issues()) {
            text.append(text.length() == 0 ? "" : "\n").append(issue.describe());
        }
        return new SettingsProblem(SettingsProblem.Where.MACHINE_FILE, new IllegalArgumentException(text.toString()));
    }

    /** The command-line layer: only what was given. */
    Map<Key, String> layer() {
        Map<Key, String> layer = new EnumMap<>(Key.class);
        if (url != null) {
            layer.put(Key.SERVER_URL, url);
        }
        if (user != null) {
            layer.put(Key.LOGIN_HINT, user);
        }
        if (sslMode != null) {
            layer.put(Key.SERVER_SSLMODE, sslMode);
        }
        if (sslRootCert != null) {
            layer.put(Key.SERVER_SSLROOTCERT, sslRootCert.toString());
        }
        if (pgBouncer) {
            layer.put(Key.SERVER_PGBOUNCER, "true");
        }
        if (poolSize != null) {
            layer.put(Key.POOL_SIZE, String.valueOf(poolSize));
        }
        if (language != null) {
            layer.put(Key.UI_LANGUAGE, language);
        }
        return layer;
    }

    /**
     * The language of this start (ADR 0049): the settings' layers as for the connection, but a machine file with
     * problems is left out (the start-up screen reports it) rather than stopping here. Blocking (file and
     * preferences).
     */
    Language language() {
        MachineFile machine = machineFile();
        if (machine.hasIssues()) {
            machine = MachineFile.absent(machine.path());
        }
        return Language.of(
                Settings.resolve(layer(), machine, ProfileStore.forUser().layer()));
    }

    /** A profile as the command line would give it (tests and callers that hold a profile already). */
    static Map<Key, String> layerOf(ConnectionProfile profile) {
        Map<Key, String> layer = new EnumMap<>(Key.class);
        if (profile == null) {
            return layer;
        }
        if (!profile.isEmbedded()) {
            layer.put(Key.SERVER_URL, profile.url());
            if (profile.user() != null) {
                layer.put(Key.LOGIN_HINT, profile.user());
            }
            layer.put(Key.SERVER_SSLMODE, profile.sslMode().jdbcValue());
            profile.rootCertificate().ifPresent(cert -> layer.put(Key.SERVER_SSLROOTCERT, cert.toString()));
            layer.put(Key.SERVER_PGBOUNCER, String.valueOf(profile.pgBouncer()));
        }
        layer.put(Key.POOL_SIZE, String.valueOf(profile.poolSize()));
        return layer;
    }

    private Optional<ConnectionProfile> given() {
        if (url == null) {
            return poolSize == null
                    ? Optional.empty()
                    : Optional.of(ConnectionProfile.embedded().withPoolSize(poolSize));
        }
        return Optional.of(new ConnectionProfile(
                url,
                user,
                sslMode == null ? ConnectionProfile.SslMode.PREFER : ConnectionProfile.SslMode.parse(sslMode),
                sslRootCert,
                pgBouncer,
                poolSize == null ? ConnectionProfile.DEFAULT_POOL_SIZE : poolSize));
    }

    Path dataHome() {
        return dataHome != null ? dataHome : UserDataFolder.resolve();
    }

    /**
     * Takes each option given to {@code before} (the options before a command's name) that was not given here (after
     * it): {@code registrar --data-home=F doctor} is {@code registrar doctor --data-home=F}.
     */
    void takeUnsetFrom(ConnectionOptions before) {
        config = config != null ? config : before.config;
        url = url != null ? url : before.url;
        user = user != null ? user : before.user;
        sslMode = sslMode != null ? sslMode : before.sslMode;
        sslRootCert = sslRootCert != null ? sslRootCert : before.sslRootCert;
        pgBouncer = pgBouncer || before.pgBouncer;
        poolSize = poolSize != null ? poolSize : before.poolSize;
        language = language != null ? language : before.language;
        dataHome = dataHome != null ? dataHome : before.dataHome;
    }

    /** REGISTRAR_DB_PASSWORD, or null. */
    static String passwordFromEnvironment() {
        String password = System.getenv("REGISTRAR_DB_PASSWORD");
        return password == null || password.isEmpty() ? null : password;
    }
}
