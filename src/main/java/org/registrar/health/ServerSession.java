package org.registrar.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.registrar.i18n.Messages;

/**
 * One client session on the server as pg_stat_activity shows it. Ages are measured by the server's own clock;
 * fields the role may not see are null. Immutable.
 *
 * @param own the session that ran the poll itself
 * @param maySignal whether the current role may cancel or terminate it
 */
record ServerSession(
        int pid,
        String user,
        String application,
        String clientAddress,
        String state,
        String waitEventType,
        String waitEvent,
        Instant queryStart,
        Duration queryAge,
        Duration transactionAge,
        Duration stateAge,
        String query,
        List<Integer> blockedBy,
        boolean own,
        boolean maySignal) {

    /** How support staff group sessions. */
    enum Category {
        ACTIVE,
        WAITING,
        IDLE_IN_TRANSACTION,
        IDLE,
        HIDDEN;

        /** The category in the chosen language ("waiting on lock"). */
        String label() {
            return switch (this) {
                case ACTIVE -> Messages.text("health.session.active");
                case WAITING -> Messages.text("health.session.waiting");
                case IDLE_IN_TRANSACTION -> Messages.text("health.session.idleInTransaction");
                case IDLE -> Messages.text("health.session.idle");
                case HIDDEN -> Messages.text("health.session.hidden");
            };
        }
    }

    /** How urgent the session looks. */
    enum Level {
        OK,
        WARNING,
        ALERT
    }

    Category category() {
        if (state == null) {
            return Category.HIDDEN;
        }
        if (!blockedBy.isEmpty() || "Lock".equals(waitEventType)) {
            return Category.WAITING;
        }
        if (state.startsWith("idle in transaction")) {
            return Category.IDLE_IN_TRANSACTION;
        }
        return state.equals("active") ? Category.ACTIVE : Category.IDLE;
    }

    /** Long-running queries and idle-in-transaction sessions against the thresholds; blocked queries warn. */
    Level level(HealthSettings settings) {
        Duration age = switch (category()) {
            case ACTIVE, WAITING -> queryAge;
            case IDLE_IN_TRANSACTION -> transactionAge;
            default -> null;
        };
        if (age != null && age.compareTo(settings.alertAfter()) >= 0) {
            return Level.ALERT;
        }
        if ((age != null && age.compareTo(settings.warnAfter()) >= 0) || category() == Category.WAITING) {
            return Level.WARNING;
        }
        return Level.OK;
    }

    /** "pid 4242, alice, Registrar 0.1 @ desk-3/alice, query started 10:41:07" for confirmations. */
    String describe() {
        return Messages.text(
                "health.session.describe",
                pid,
                orDash(user),
                orDash(application),
                queryStart == null ? "-" : HealthFormat.time(queryStart));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
