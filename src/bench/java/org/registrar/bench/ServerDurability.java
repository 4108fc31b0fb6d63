package org.registrar.bench;

import org.registrar.db.Database;

/**
 * The server's durability settings as it reports them ({@code SHOW}), for a bench's notes: figures measured with
 * fsync, synchronous_commit or full_page_writes off are not comparable with the app's own server. Blocking.
 */
final class ServerDurability {
    private ServerDurability() {}

    static String shown(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT current_setting('fsync') AS f,"
                        + " current_setting('synchronous_commit') AS s, current_setting('full_page_writes') AS p")
                .map((rows, context) -> "Server (SHOW): fsync = " + rows.getString("f") + ", synchronous_commit = "
                        + rows.getString("s") + ", full_page_writes = " + rows.getString("p") + ".")
                .one());
    }
}
