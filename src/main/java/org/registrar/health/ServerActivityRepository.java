package org.registrar.health;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.registrar.i18n.Messages;

/**
 * The server's client sessions from pg_stat_activity, and cancelling or terminating one. Every statement starts
 * with {@link #TAG} so support staff can tell the panel's own polling apart; it also carries the app's
 * ApplicationName. Works for a role without access to student data. Blocking; never on the FX thread.
 * Thread-safe.
 */
public final class ServerActivityRepository {
    /** The operation name of the poll; the status bar does not report it as the user's last operation. */
    public static final String POLL_OPERATION = "Health poll";

    static final String TAG = "/* registrar:health */";
    static final int QUERY_CHARS = 2000;

    private static final String ROLE_SQL = TAG + """
             SELECT current_setting('max_connections')::int AS max_connections,
                    r.rolsuper AS superuser,
                    pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS reads_all_stats,
                    pg_has_role(current_user, 'pg_signal_backend', 'MEMBER') AS signals_backends
               FROM pg_roles r
              WHERE r.rolname = current_user
            """;

    private static final String SESSIONS_SQL = TAG + """
             SELECT a.pid, a.usename AS user_name, a.application_name, host(a.client_addr) AS client_address,
                    a.state, a.wait_event_type, a.wait_event, a.query_start,
                    extract(epoch FROM now() - a.query_start) AS query_seconds,
                    extract(epoch FROM now() - a.xact_start) AS transaction_seconds,
                    extract(epoch FROM now() - a.state_change) AS state_seconds,
                    left(a.query, :queryChars) AS query,
                    CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) ELSE '{}'::int[] END
                        AS blocked_by,
                    a.pid = pg_backend_pid() AS own,
                    CASE WHEN me.rolsuper THEN true
                         WHEN coalesce(r.rolsuper, true) THEN false
                         ELSE pg_has_role(current_user, 'pg_signal_backend', 'MEMBER')
                              OR pg_has_role(current_user, a.usesysid, 'MEMBER')
                    END AS may_signal
               FROM pg_stat_activity a
               LEFT JOIN pg_roles r ON r.oid = a.usesysid
              CROSS JOIN (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) me
              WHERE a.backend_type = 'client backend'
                    -- a role without pg_read_all_stats sees other users' sessions with the type hidden too
                 OR (a.backend_type IS NULL AND a.usesysid IS NOT NULL)
              ORDER BY a.backend_start, a.pid
            """;

    private final Jdbi jdbi;

    public ServerActivityRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** All client sessions now, with what this role may see and do. Blocking. */
    ServerActivity activity() {
        return jdbi.withHandle(handle -> {
            RoleFacts role = handle.createQuery(ROLE_SQL)
                    .map((rs, ctx) -> new RoleFacts(
                            rs.getInt("max_connections"),
                            rs.getBoolean("superuser"),
                            rs.getBoolean("reads_all_stats"),
                            rs.getBoolean("signals_backends")))
                    .one();
            List<ServerSession> sessions = sessions(handle);
            String missing =
                    role.superuser() || role.readsAllStats() ? null : Messages.text("health.server.missingStats");
            return new ServerActivity(
                    role.maxConnections(), sessions, role.superuser() || role.signalsBackends(), missing);
        });
    }

    private static List<ServerSession> sessions(Handle handle) {
        return handle.createQuery(SESSIONS_SQL)
                .bind("queryChars", QUERY_CHARS)
                .map((rs, ctx) -> session(rs))
                .list();
    }

    private static ServerSession session(ResultSet rs) throws SQLException {
        Timestamp queryStart = rs.getTimestamp("query_start");
        return new ServerSession(
                rs.getInt("pid"),
                rs.getString("user_name"),
                rs.getString("application_name"),
                rs.getString("client_address"),
                rs.getString("state"),
                rs.getString("wait_event_type"),
                rs.getString("wait_event"),
                queryStart == null ? null : queryStart.toInstant(),
                seconds(rs, "query_seconds"),
                seconds(rs, "transaction_seconds"),
                seconds(rs, "state_seconds"),
                rs.getString("query"),
                pids(rs.getArray("blocked_by")),
                rs.getBoolean("own"),
                rs.getBoolean("may_signal"));
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(Math.max(0, seconds) * 1000));
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Integer[] pids = (Integer[]) array.getArray();
        return Arrays.asList(pids);
    }

    /** Asks the backend to cancel its running query. Returns whether the signal was sent. Blocking. */
    boolean cancel(int pid) {
        return signal("pg_cancel_backend", pid);
    }

    /** Ends the backend's session (its open transaction rolls back). Returns whether it was signalled. Blocking. */
    boolean terminate(int pid) {
        return signal("pg_terminate_backend", pid);
    }

    private boolean signal(String function, int pid) {
        // the function name comes from the two constants above, never from input
        return jdbi.withHandle(handle -> handle.createQuery(TAG + " SELECT " + function + "(:pid)")
                .bind("pid", pid)
                .mapTo(Boolean.class)
                .one());
    }

    private record RoleFacts(int maxConnections, boolean superuser, boolean readsAllStats, boolean signalsBackends) {}
}
