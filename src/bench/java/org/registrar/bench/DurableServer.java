package org.registrar.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The durability a bench's figures must be measured with: fsync, synchronous_commit and full_page_writes on, as on
 * the app's own server and a school's. The embedded builder turns the first two off unless told, and a server that
 * skips its flushes commits many times faster, so a load run reads the settings back from the server it measures
 * and refuses to run without them. Thread-safe (stateless); blocking.
 */
final class DurableServer {
    static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private DurableServer() {}

    /** An embedded server builder with every durability setting on; add the experiment's own settings to it. */
    static EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        SETTINGS.forEach(setting -> builder.setServerConfig(setting, "on"));
        return builder;
    }

    /**
     * The settings as the server reports them, "fsync = on, synchronous_commit = on, full_page_writes = on", for the
     * bench's notes; an {@link IllegalStateException} naming those that are off.
     */
    static String require(DataSource server) {
        Map<String, String> shown = settings(Jdbi.create(server));
        String described = describe(shown);
        if (SETTINGS.stream().anyMatch(setting -> !"on".equals(shown.get(setting)))) {
            throw new IllegalStateException("The bench server is not durable (" + described + "): its figures would"
                    + " not compare with a real server's; start it with DurableServer.builder()");
        }
        return described;
    }

    /**
     * The settings as the server reports them, "fsync = on, synchronous_commit = on, full_page_writes = on", for the
     * notes of a scenario that measures whatever server it was given (a configured one may be set otherwise).
     */
    static String shown(Jdbi server) {
        return describe(settings(server));
    }

    private static String describe(Map<String, String> shown) {
        return SETTINGS.stream()
                .map(setting -> setting + " = " + shown.getOrDefault(setting, "unknown"))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> settings(Jdbi server) {
        return server.withHandle(handle -> handle.createQuery(
                        "SELECT name, setting FROM pg_settings WHERE name IN (<names>) ORDER BY name")
                .bindList("names", SETTINGS)
                .setMapKeyColumn("name")
                .setMapValueColumn("setting")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
    }
}
