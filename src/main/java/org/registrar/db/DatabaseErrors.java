package org.registrar.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.registrar.i18n.Messages;

/** Turns database failures into sentences a school admin can act on, never stack traces. Thread-safe. */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    /**
     * What kind of failure this is: the status bar shows "down" for UNAVAILABLE, "busy" for BUSY; LOGIN is a login
     * the server refused (password, user, database, no password given): trying again does not help.
     */
    public enum Kind {
        LOGIN,
        UNAVAILABLE,
        BUSY,
        TIMEOUT,
        DENIED,
        TLS,
        REJECTED,
        OTHER
    }

    public static Kind classify(Throwable error) {
        if (tlsProblem(error) != null) {
            return Kind.TLS;
        }
        if (loginProblem(error) != null) {
            return Kind.LOGIN;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
                return Kind.UNAVAILABLE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return Kind.UNAVAILABLE;
                }
                if (state.equals("57014")) {
                    return Kind.TIMEOUT;
                }
                if (state.equals("42501")) {
                    return Kind.DENIED;
                }
                if (state.startsWith("23") || state.startsWith("22")) {
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

    /** One or two sentences for the user, naming the operation that failed. */
    public static String describe(String operation, Throwable error) {
        return switch (classify(error)) {
            case TIMEOUT -> Messages.text("messages.error.operationTimeout", operation);
            case DENIED -> Messages.text("messages.error.operationDenied", operation, serverMessage(error));
            default -> Messages.text("messages.error.operationFailed", operation, describe(error));
        };
    }

    /** One or two sentences for the user. */
    public static String describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaVersionException schema) {
                return schema.getMessage();
            }
        }
        String login = loginProblem(error);
        if (login != null) {
            return login;
        }
        String silent = silentServer(error);
        if (silent != null) {
            return silent;
        }
        if (lockWaitEnded(error)) {
            return Messages.text("messages.error.locked", Timeouts.IDLE_IN_TRANSACTION.toSeconds());
        }
        return switch (classify(error)) {
            case LOGIN -> login;
            case TLS -> tlsProblem(error);
            case TIMEOUT -> Messages.text("messages.error.timeout");
            case DENIED -> Messages.text("messages.error.denied", serverMessage(error));
            case UNAVAILABLE -> Messages.text("messages.error.unavailable");
            case BUSY -> Messages.text("messages.error.busy", Database.CONNECTION_TIMEOUT.toSeconds());
            case REJECTED ->
                nulRefused(error)
                        ? Messages.text("messages.error.nul")
                        : Messages.text("messages.error.rejected", serverMessage(error));
            case OTHER -> Messages.text("messages.error.other", serverMessage(error));
        };
    }

    /**
     * Why connecting failed, in the words the start-up screen, the connection checks and {@code doctor} share: the
     * server's refusal of the login, a server that never answered, one that cannot be reached, or a TLS problem.
     */
    public static String describeConnect(Throwable error) {
        if (loginProblem(error) == null
                && silentServer(error) == null
                && tlsProblem(error) == null
                && classify(error) == Kind.UNAVAILABLE) {
            return Messages.text("messages.error.unavailableBecause", unreachable(error));
        }
        return describe(error);
    }

    /** The driver's first line for an unreachable server, without its hints about server internals. */
    private static String unreachable(Throwable error) {
        String message = serverMessage(error);
        int hint = message.indexOf(" Check that the hostname and port are correct");
        return hint < 0 ? message : Messages.text("messages.error.nothingListens", message.substring(0, hint));
    }

    /**
     * A sentence for a server that accepted the connection but did not answer the login in time (pgjdbc's
     * loginTimeout), or null.
     */
    static String silentServer(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Connection attempt timed out")) {
                return Messages.text("messages.error.silentServer");
            }
        }
        return null;
    }

    /** The statement waited longer than lock_timeout for a row lock (SQLSTATE 55P03). */
    private static boolean lockWaitEnded(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A sentence for a refused TLS connection, or null when the failure is not about TLS. */
    private static String tlsProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("could not be verified by hostnameverifier")
                    || cause instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                String host = message.replaceFirst("(?s)^The hostname (\\S+) could not be verified.*$", "$1");
                return Messages.text("messages.error.tlsHost", host);
            }
            if (cause instanceof java.security.cert.CertPathValidatorException
                    || cause instanceof java.security.cert.CertPathBuilderException
                    || message.contains("PKIX path")) {
                return Messages.text("messages.error.tlsRoot");
            }
            if (message.contains("The server does not support SSL")) {
                return Messages.text("messages.error.tlsMissing");
            }
        }
        return null;
    }

    /**
     * A sentence for a refused login (wrong password, no pg_hba.conf rule, unknown database or role), or null when
     * the failure is not about logging in.
     */
    static String loginProblem(Throwable error) {
        return loginProblem(error, null);
    }

    /** As {@link #loginProblem(Throwable)}, naming {@code user} (null: "this login") in the sentence. */
    static String loginProblem(Throwable error, String user) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                // the pool's wrapper carries the state, the driver's error beneath it the words
                String message = serverMessage(error);
                switch (sql.getSQLState()) {
                    case "28P01" -> {
                        return Messages.text("messages.error.password");
                    }
                    case "28000" -> {
                        return message.contains("pg_hba.conf")
                                ? (user == null
                                        ? Messages.text("messages.error.hba")
                                        : Messages.text("messages.connect.hba", user))
                                : (user == null
                                        ? Messages.text("messages.error.loginRefused", serverMessage(error))
                                        : Messages.text("messages.connect.loginRefused", user, serverMessage(error)));
                    }
                    case "3D000" -> {
                        return Messages.text("messages.error.noDatabase", serverMessage(error));
                    }
                    case "08004" -> {
                        if (message.contains("no password was provided")) {
                            return user == null
                                    ? Messages.text("messages.error.noPassword")
                                    : Messages.text("messages.connect.noPassword", user);
                        }
                    }
                    default -> {}
                }
            }
        }
        return null;
    }

    /** The driver ("Zero bytes may not occur…") or the server ("invalid byte sequence… 0x00") refused a NUL. */
    private static boolean nulRefused(Throwable error) {
        String message = serverMessage(error);
        return message.contains("Zero bytes") || message.contains("0x00");
    }

    /** The server's or driver's own first line, for where the generic sentence is not enough. */
    public static String detail(Throwable error) {
        return serverMessage(error);
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
        return firstLine.replaceFirst("^(ERROR|FATAL): ", "");
    }
}
