package org.registrar.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

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
            case TIMEOUT ->
                "“" + operation + "” took longer than the server allows and was cancelled "
                        + "(statement timeout). Nothing was changed by it; try a narrower request or try later.";
            case DENIED ->
                "“" + operation + "” is not permitted for your database login: " + serverMessage(error)
                        + ". Ask an administrator if you need it.";
            default -> operation + " failed. " + describe(error);
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
            return "The rows are still locked by another session, for example an earlier save whose connection "
                    + "dropped (the server releases those within " + Timeouts.IDLE_IN_TRANSACTION.toSeconds()
                    + " s). Nothing was changed by this attempt; try again in a moment.";
        }
        return switch (classify(error)) {
            case LOGIN -> login;
            case TLS -> tlsProblem(error);
            case TIMEOUT -> "The request took longer than the server allows and was cancelled (statement timeout).";
            case DENIED -> "Not permitted for your database login: " + serverMessage(error) + ".";
            case UNAVAILABLE ->
                "Database unavailable: the server cannot be reached right now. Nothing was saved by "
                        + "this attempt; your entries are kept.";
            case BUSY ->
                "Database busy: no connection became free within " + Database.CONNECTION_TIMEOUT.toSeconds()
                        + " s. Try again in a moment.";
            case REJECTED ->
                nulRefused(error)
                        ? "The text " + StorableText.NUL_PROBLEM + "."
                        : "The database refused the change: " + serverMessage(error);
            case OTHER -> "Something went wrong: " + serverMessage(error);
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
            return "Database unavailable: " + unreachable(error);
        }
        return describe(error);
    }

    /** The driver's first line for an unreachable server, without its hints about server internals. */
    private static String unreachable(Throwable error) {
        String message = serverMessage(error);
        int hint = message.indexOf(" Check that the hostname and port are correct");
        return hint < 0
                ? message
                : message.substring(0, hint)
                        + " Nothing accepts connections there: the server is stopped, the port is wrong, or a "
                        + "firewall refuses.";
    }

    /**
     * A sentence for a server that accepted the connection but did not answer the login in time (pgjdbc's
     * loginTimeout), or null.
     */
    static String silentServer(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("Connection attempt timed out")) {
                return "The server accepted the connection but did not answer the login in time: it may be "
                        + "overloaded or stuck, or another program listens on that port. Check the address and port "
                        + "in the connection settings, or try again later.";
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
                return "The server's certificate does not name the host " + host
                        + ": connect by the name the certificate was issued for (sslmode verify-full checks it).";
            }
            if (cause instanceof java.security.cert.CertPathValidatorException
                    || cause instanceof java.security.cert.CertPathBuilderException
                    || message.contains("PKIX path")) {
                return "The server's certificate is not signed by the root certificate of this profile: "
                        + "check the root certificate file, or ask the administrator for the right one.";
            }
            if (message.contains("The server does not support SSL")) {
                return "The server does not offer TLS, but this profile requires it.";
            }
        }
        return null;
    }

    /**
     * A sentence for a refused login (wrong password, no pg_hba.conf rule, unknown database or role), or null when
     * the failure is not about logging in.
     */
    static String loginProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                // the pool's wrapper carries the state, the driver's error beneath it the words
                String message = serverMessage(error);
                switch (sql.getSQLState()) {
                    case "28P01" -> {
                        return "The server refused the password for this login: check the user name and password "
                                + "(the password is typed at start, never stored).";
                    }
                    case "28000" -> {
                        return message.contains("pg_hba.conf")
                                ? "The server's access rules (pg_hba.conf) do not let this login connect from this "
                                        + "computer to this database: ask the database administrator to allow it."
                                : "The server refused this login: " + serverMessage(error) + ".";
                    }
                    case "3D000" -> {
                        return "The database named in the connection settings does not exist on the server: "
                                + serverMessage(error) + ".";
                    }
                    case "08004" -> {
                        if (message.contains("no password was provided")) {
                            return "The server asks for a password for this login, but none was given: enter it "
                                    + "when Registrar asks (on the command line, set REGISTRAR_DB_PASSWORD).";
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
