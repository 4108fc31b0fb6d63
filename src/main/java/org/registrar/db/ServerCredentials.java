package org.registrar.db;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's two logins, kept in a file readable by this OS account only (0600, in the data folder):
 * the superuser {@code postgres} for set-up and migrations, and the desktop login (named after the OS user when
 * that is a valid role name, else {@code registrar_desktop}) that the app's pool uses for everyday work. Both have
 * random passwords. Immutable.
 *
 * @param superuserPasswordSet whether the superuser's password has been stored in the server (set once, before
 *     the first start that needs it)
 */
record ServerCredentials(
        String superuserPassword, String desktopUser, String desktopPassword, boolean superuserPasswordSet) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCredentials.class);
    static final String FILE = "registrar-credentials";
    static final String SUPERUSER = "postgres";
    static final String FALLBACK_DESKTOP_USER = "registrar_desktop";
    /** Far more than the file ever holds; a larger file is not ours. */
    private static final int MAX_BYTES = 4096;

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> NOT_A_DESKTOP_LOGIN = Set.of(
            "postgres",
            "public",
            "none",
            "all",
            "user",
            "current_user",
            "session_user",
            "current_role",
            "replication",
            "samerole",
            "samegroup");

    /**
     * Reads the file in {@code dataDirectory}; empty when there is none (a new or an older, passwordless folder). A
     * file found open to other accounts is made private and gets new passwords (superuser not yet stored), since
     * its old ones may be known.
     */
    static Optional<ServerCredentials> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            throw new IOException(Messages.text("messages.credentials.notOurs", String.valueOf(file)));
        }
        boolean wasOpen = PrivateFolder.tighten(file, PrivateFolder.FILE);
        Properties properties = new Properties();
        properties.load(new StringReader(LocalFiles.readText(file, MAX_BYTES, LinkOption.NOFOLLOW_LINKS)));
        String superuser = properties.getProperty("superuser.password");
        String user = properties.getProperty("desktop.user");
        String password = properties.getProperty("desktop.password");
        if (superuser == null
                || user == null
                || password == null
                || !ROLE_NAME.matcher(user).matches()) {
            throw new IOException(Messages.text("messages.credentials.incomplete", String.valueOf(file)));
        }
        ServerCredentials credentials = new ServerCredentials(
                superuser, user, password, "true".equals(properties.getProperty("superuser.password.set")));
        if (wasOpen) {
            // someone else may have read them: new ones, stored in the server at this start (the superuser's in
            // single-user mode, the desktop login's by EmbeddedSetup.ensureDesktopLogin)
            LOG.warn("{} was open to other accounts: making new passwords for {}", file, credentials);
            credentials = new ServerCredentials(randomPassword(), user, randomPassword(), false);
            credentials.write(dataDirectory);
        }
        return Optional.of(credentials);
    }

    /** New random passwords; the desktop login named after {@code osUser} where that is a valid role name. */
    static ServerCredentials generate(String osUser) {
        return new ServerCredentials(randomPassword(), desktopUserFor(osUser), randomPassword(), false);
    }

    ServerCredentials withSuperuserPasswordSet() {
        return new ServerCredentials(superuserPassword, desktopUser, desktopPassword, true);
    }

    void write(Path dataDirectory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("superuser.password.set", Boolean.toString(superuserPasswordSet));
        properties.setProperty("desktop.user", desktopUser);
        properties.setProperty("desktop.password", desktopPassword);
        StringWriter text = new StringWriter();
        properties.store(text, "Registrar's embedded server logins; readable by this account only. Do not share.");
        PrivateFolder.writeFile(dataDirectory.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** So history says who: the OS account's name, when PostgreSQL can take it as is and it names no other role. */
    static String desktopUserFor(String osUser) {
        String name = osUser == null ? "" : osUser.toLowerCase(Locale.ROOT);
        boolean usable = ROLE_NAME.matcher(name).matches()
                && !name.startsWith("pg_")
                && !name.startsWith("registrar")
                && !NOT_A_DESKTOP_LOGIN.contains(name);
        return usable ? name : FALLBACK_DESKTOP_USER;
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "ServerCredentials[superuser=" + SUPERUSER + ", desktop=" + desktopUser + "]";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
