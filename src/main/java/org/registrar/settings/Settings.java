package org.registrar.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.registrar.db.ConnectionProfile;

/**
 * The effective settings of this start and where each came from. Precedence, strongest first (ADR 0050): the command
 * line, the machine file's locked keys, the user's own settings, the machine file's other keys (defaults), built-in
 * values. The server's address (host, port, database, url) is one group: it comes whole from the strongest layer
 * that says anything about it, and locking any of its keys locks all four. Immutable.
 */
public final class Settings {
    /** One effective value (null: not set) and its source. */
    public record Setting(Key key, String value, Source source) {}

    private final Map<Key, Setting> effective;
    private final Set<Key> locked;
    private final MachineFile machine;

    private Settings(Map<Key, Setting> effective, Set<Key> locked, MachineFile machine) {
        this.effective = Collections.unmodifiableMap(effective);
        this.locked = Collections.unmodifiableSet(locked);
        this.machine = machine;
    }

    /** Built-in values only: no machine file, nothing from the user or the command line. */
    public static Settings builtIn() {
        return resolve(Map.of(), MachineFile.absent(Path.of("registrar.properties")), Map.of());
    }

    public static Settings resolve(Map<Key, String> commandLine, MachineFile machine, Map<Key, String> user) {
        Set<Key> locked = EnumSet.noneOf(Key.class);
        locked.addAll(machine.locked());
        if (locked.stream().anyMatch(Key.ADDRESS::contains)) {
            locked.addAll(Key.ADDRESS);
        }
        Map<Key, Setting> effective = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            if (!Key.ADDRESS.contains(key)) {
                effective.put(key, pick(key, commandLine, machine, locked, user));
            }
        }
        Source addressFrom = addressLayer(commandLine, machine, locked, user);
        for (Key key : Key.ADDRESS) {
            String value = switch (addressFrom) {
                case COMMAND_LINE -> commandLine.get(key);
                case MACHINE_LOCKED, MACHINE_DEFAULT -> machine.values().get(key);
                case USER -> user.get(key);
                default -> null;
            };
            effective.put(key, settled(key, value, addressFrom));
        }
        return new Settings(effective, locked, machine);
    }

    private static Setting pick(
            Key key, Map<Key, String> commandLine, MachineFile machine, Set<Key> locked, Map<Key, String> user) {
        if (commandLine.get(key) != null) {
            return new Setting(key, commandLine.get(key), Source.COMMAND_LINE);
        }
        if (locked.contains(key)) {
            String value = machine.values().get(key);
            return new Setting(key, value != null ? value : key.builtIn(), Source.MACHINE_LOCKED);
        }
        if (user.get(key) != null) {
            return new Setting(key, user.get(key), Source.USER);
        }
        if (machine.values().get(key) != null) {
            return new Setting(key, machine.values().get(key), Source.MACHINE_DEFAULT);
        }
        return new Setting(key, key.builtIn(), key.builtIn() == null ? Source.NOT_SET : Source.BUILT_IN);
    }

    /** The layer the whole address comes from; BUILT_IN when none names a server. */
    private static Source addressLayer(
            Map<Key, String> commandLine, MachineFile machine, Set<Key> locked, Map<Key, String> user) {
        if (namesAddress(commandLine)) {
            return Source.COMMAND_LINE;
        }
        if (locked.contains(Key.SERVER_URL)) {
            return Source.MACHINE_LOCKED;
        }
        if (namesAddress(user)) {
            return Source.USER;
        }
        return namesAddress(machine.values()) ? Source.MACHINE_DEFAULT : Source.BUILT_IN;
    }

    private static boolean namesAddress(Map<Key, String> layer) {
        return layer.get(Key.SERVER_URL) != null || layer.get(Key.SERVER_HOST) != null;
    }

    /** A key of the address from its layer, or its built-in value (port 5432, database registrar) beside it. */
    private static Setting settled(Key key, String value, Source layer) {
        if (value != null) {
            return new Setting(key, value, layer);
        }
        if (layer == Source.MACHINE_LOCKED) {
            return new Setting(key, key.builtIn(), Source.MACHINE_LOCKED);
        }
        return new Setting(key, key.builtIn(), key.builtIn() == null ? Source.NOT_SET : Source.BUILT_IN);
    }

    public Setting get(Key key) {
        return effective.get(key);
    }

    /** The effective value, or null. */
    public String value(Key key) {
        return effective.get(key).value();
    }

    public boolean flag(Key key) {
        return Boolean.parseBoolean(value(key));
    }

    /** Every key in declaration order, for doctor. */
    public List<Setting> all() {
        return List.copyOf(effective.values());
    }

    /** The keys the user cannot change in the app (the address keys together). */
    public Set<Key> locked() {
        return locked;
    }

    /** The locked keys by name, as the connection form takes them. */
    public Set<String> lockedNames() {
        Set<String> names = new java.util.TreeSet<>();
        locked.forEach(key -> names.add(key.key()));
        return names;
    }

    public MachineFile machineFile() {
        return machine;
    }

    /** A server is named by some layer (the command line, the machine file or the user's settings). */
    public boolean serverConfigured() {
        return value(Key.SERVER_URL) != null || value(Key.SERVER_HOST) != null;
    }

    /** The JDBC address of the server: server.url when set, else built from host, port and database; or null. */
    public String serverUrl() {
        if (value(Key.SERVER_URL) != null) {
            return value(Key.SERVER_URL);
        }
        if (value(Key.SERVER_HOST) == null) {
            return null;
        }
        return "jdbc:postgresql://" + value(Key.SERVER_HOST) + ":" + value(Key.SERVER_PORT) + "/"
                + value(Key.SERVER_DATABASE);
    }

    /**
     * The connection profile these settings make: the server's, or the embedded server's when none is configured.
     *
     * @throws Unusable naming the first setting that cannot be used and where it came from
     */
    public ConnectionProfile profile() {
        int poolSize = whole(Key.POOL_SIZE);
        if (!serverConfigured()) {
            return ConnectionProfile.embedded().withPoolSize(poolSize);
        }
        for (Key key : new Key[] {Key.SERVER_HOST, Key.SERVER_PORT, Key.SERVER_DATABASE}) {
            if (value(Key.SERVER_URL) == null && value(key) != null) {
                key.problemWith(value(key)).ifPresent(problem -> {
                    throw new Unusable(get(key).source(), new IllegalArgumentException(key.key() + ": " + problem));
                });
            }
        }
        ConnectionProfile.SslMode mode;
        try {
            mode = ConnectionProfile.SslMode.parse(value(Key.SERVER_SSLMODE));
        } catch (IllegalArgumentException unknown) {
            throw new Unusable(get(Key.SERVER_SSLMODE).source(), unknown);
        }
        String rootCert = value(Key.SERVER_SSLROOTCERT);
        try {
            return new ConnectionProfile(
                    serverUrl(),
                    value(Key.LOGIN_HINT),
                    mode,
                    rootCert == null || rootCert.isBlank() ? null : Path.of(rootCert),
                    flag(Key.SERVER_PGBOUNCER),
                    poolSize);
        } catch (IllegalArgumentException invalid) {
            throw new Unusable(
                    get(Key.SERVER_URL).source() == Source.NOT_SET
                            ? get(Key.SERVER_HOST).source()
                            : get(Key.SERVER_URL).source(),
                    invalid);
        }
    }

    private int whole(Key key) {
        Optional<String> problem = key.problemWith(value(key));
        if (problem.isPresent()) {
            throw new Unusable(get(key).source(), new IllegalArgumentException(key.key() + ": " + problem.get()));
        }
        return Integer.parseInt(value(key));
    }

    /** A setting that cannot make a connection; {@link #source()} says which layer holds it. */
    public static final class Unusable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Source source;

        Unusable(Source source, IllegalArgumentException reason) {
            super(reason.getMessage(), reason);
            this.source = source;
        }

        public Source source() {
            return source;
        }
    }
}
