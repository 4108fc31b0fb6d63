package org.registrar.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Child JVM for {@link EmbeddedServerTest}: starts the durable server on the folder in {@code args[0]}, writes one
 * row, prints {@code READY <port>} and waits to be killed, leaving its postgres behind like a crashed app.
 */
public final class EmbeddedServerChild {
    static final String ROW = "written before the crash";

    private EmbeddedServerChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServer.startDurable(Path.of(args[0]), step -> {});
        try (Connection connection = server.postgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            statement.execute("INSERT INTO note VALUES (1, '" + ROW + "')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
