package org.registrar.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.registrar.i18n.Messages;

/**
 * Why a connection to the school's server failed: the stage it failed at and one sentence in plain words that names
 * the server, the port and the login as the user typed them ("Nothing is listening on db.school.org port 5999"),
 * never the driver's words. Shared by the start-up screen and the connection form. Immutable.
 *
 * @param needsPassword the server refused the password, or asked for one none was given: a new password may help,
 *     and only then does the app ask for it again
 */
public record ConnectFailure(Stage stage, String sentence, boolean needsPassword) {
    /** Where the connection stopped, in the order a connection goes through them. */
    public enum Stage {
        /** The server's name is not known to this computer. */
        NAME,
        /** Nothing answered on the port, or it refused. */
        NETWORK,
        /** TLS could not be agreed or the certificate was not trusted. */
        TLS,
        /** The server refused the login: password, user, access rules. */
        LOGIN,
        /** The login was accepted but the database named does not exist. */
        DATABASE,
        /** Connected, but the schema is not one this app can work with. */
        SCHEMA,
        /** Anything else. */
        OTHER;

        /** The server may come back by itself (stopped, restarting, network down): worth trying again unasked. */
        public boolean passes() {
            return this == NAME || this == NETWORK;
        }
    }

    /** The failure of connecting to {@code profile}'s server with {@code error} as its cause. */
    public static ConnectFailure of(ConnectionProfile profile, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaVersionException schema) {
                return new ConnectFailure(Stage.SCHEMA, schema.getMessage());
            }
        }
        ServerAddress address = address(profile);
        String host = address == null ? Messages.text("messages.connect.theServer") : address.host();
        String where = address == null
                ? Messages.text("messages.connect.theServersPort")
                : Messages.text("messages.connect.hostPort", host, String.valueOf(address.port()));
        String user = profile.user();
        ConnectFailure login = login(error, user, address);
        if (login != null) {
            return login;
        }
        if (DatabaseErrors.classify(error) == DatabaseErrors.Kind.TLS) {
            return new ConnectFailure(Stage.TLS, DatabaseErrors.describe(error));
        }
        String silent = DatabaseErrors.silentServer(error);
        if (silent != null) {
            return new ConnectFailure(Stage.NETWORK, silent);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new ConnectFailure(Stage.NAME, Messages.text("messages.connect.unknownHost", host));
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new ConnectFailure(Stage.NETWORK, Messages.text("messages.connect.nothingListening", where));
            }
            if (cause instanceof SocketTimeoutException) {
                return new ConnectFailure(
                        Stage.NETWORK,
                        capitalised(Messages.text(
                                "messages.connect.noAnswer",
                                where,
                                Timeouts.DEFAULT.connect().toSeconds())));
            }
        }
        DatabaseErrors.Kind kind = DatabaseErrors.classify(error);
        return new ConnectFailure(
                kind == DatabaseErrors.Kind.UNAVAILABLE ? Stage.NETWORK : Stage.OTHER,
                DatabaseErrors.describeConnect(error));
    }

    private static ConnectFailure login(Throwable error, String user, ServerAddress address) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("28P01")) {
                    return new ConnectFailure(
                            Stage.LOGIN,
                            user == null
                                    ? Messages.text("messages.connect.passwordThisLogin")
                                    : Messages.text("messages.connect.password", user),
                            true);
                }
                if (state.equals("3D000")) {
                    return new ConnectFailure(
                            Stage.DATABASE,
                            address == null
                                    ? Messages.text("messages.connect.noDatabaseAsInSettings")
                                    : Messages.text("messages.connect.noDatabase", address.database()));
                }
                if (state.equals("28000") || state.equals("08004")) {
                    String sentence = DatabaseErrors.loginProblem(error, user);
                    if (sentence != null) {
                        return new ConnectFailure(Stage.LOGIN, sentence, state.equals("08004"));
                    }
                }
            }
        }
        return null;
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty()
                ? sentence
                : sentence.substring(0, 1).toUpperCase(Messages.locale()) + sentence.substring(1);
    }

    private static ServerAddress address(ConnectionProfile profile) {
        try {
            return profile.isEmbedded() ? null : ServerAddress.of(profile.url());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private ConnectFailure(Stage stage, String sentence) {
        this(stage, sentence, false);
    }
}
