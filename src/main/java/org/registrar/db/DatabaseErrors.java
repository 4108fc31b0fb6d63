package org.registrar.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns database failures into sentences a school admin can act on, never stack traces. Thread-safe. */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    /** What kind of failure this is: the status bar shows "down" for UNAVAILABLE, "busy" for BUSY. */
    public enum Kind {
        UNAVAILABLE,
        BUSY,
        REJECTED,
        OTHER
    }

    public static Kind classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
                return Kind.UNAVAILABLE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return Kind.UNAVAILABLE;
                }
                if (state.startsWith("23") || state.startsWith("22") || state.equals("42501")) {
                    return Kind.REJECTED;
                }
            }
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return Kind.BUSY;
            }
        }
        return Kind.OTHER;
    }

    /** One or two sentences for the user. */
    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaVersionException schema) {
                return schema.getMessage();
            }
        }
        return switch (classify(error)) {
            case UNAVAILABLE ->
                "Database unavailable: the server cannot be reached right now. Nothing was saved by "
                        + "this attempt; your entries are kept.";
            case BUSY ->
                "Database busy: no connection became free within " + Database.CONNECTION_TIMEOUT.toSeconds()
                        + " s. Try again in a moment.";
            case REJECTED -> "The database refused the change: " + serverMessage(error);
            case OTHER -> "Something went wrong: " + serverMessage(error);
        };
    }

    private static String serverMessage(Throwable error) {
        Throwable deepest = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                deepest = cause;
            }
        }
        String message = deepest.getMessage();
        if (message == null) {
            return deepest.getClass().getSimpleName();
        }
        // pgjdbc appends "Detail:", "Where:" and "Position:" lines; the first line is the message itself
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return firstLine.replaceFirst("^ERROR: ", "");
    }
}
