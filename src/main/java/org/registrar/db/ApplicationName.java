package org.registrar.db;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The ApplicationName every connection carries, {@code Registrar <version> @ <host>/<os user>}, so support
 * staff can pick desktops out in pg_stat_activity. PostgreSQL keeps at most 63 bytes of it.
 */
public final class ApplicationName {
    static final int MAX_BYTES = 63;

    private ApplicationName() {}

    /** Looked up once (a host-name lookup can take seconds); first called when the pool opens, off the FX thread. */
    private static volatile String cached;

    public static String forThisDesktop() {
        String name = cached;
        if (name == null) {
            name = of(Version.current(), hostName(), System.getProperty("user.name", "unknown"));
            cached = name;
        }
        return name;
    }

    static String of(String version, String host, String osUser) {
        String name = "Registrar " + version + " @ " + host + "/" + osUser;
        return truncateToBytes(name, MAX_BYTES);
    }

    private static String truncateToBytes(String text, int maxBytes) {
        StringBuilder result = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size =
                    new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            result.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }
}
