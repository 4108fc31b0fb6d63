package org.registrar.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.postgresql.Driver;

/**
 * The first two steps of "Test connection", below the driver: resolving the server's name and opening a plain TCP
 * connection to its port. Blocking: never on the FX thread. Thread-safe (stateless).
 */
final class NetworkChecks {
    private NetworkChecks() {}

    /** Host and port the pool's URL names (the first one when the URL lists several). */
    record Address(String host, int port, boolean severalHosts) {}

    /** The outcome of name resolution: the step, and the addresses when it succeeded. */
    record Resolved(DiagnosticStep step, List<InetAddress> addresses) {}

    /** Reads host and port the way the driver does; throws IllegalArgumentException for a URL it cannot read. */
    static Address address(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("The database URL cannot be read: " + jdbcUrl);
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        return new Address(hosts[0], Integer.parseInt(ports[0]), hosts.length > 1);
    }

    static Resolved resolve(String host) {
        long start = System.nanoTime();
        try {
            InetAddress[] found = InetAddress.getAllByName(host);
            String shown = Arrays.stream(found).map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
            return new Resolved(
                    DiagnosticStep.ok(DiagnosticStep.NAME_RESOLUTION, millisSince(start), host + " → " + shown),
                    List.of(found));
        } catch (UnknownHostException unknown) {
            return new Resolved(
                    DiagnosticStep.failed(
                            DiagnosticStep.NAME_RESOLUTION,
                            millisSince(start),
                            "The name " + host + " is not known to this computer's name service (DNS): check the "
                                    + "spelling in the connection settings, or the network connection."),
                    List.of());
        }
    }

    /** Connects to each address in turn until one accepts; reports the last refusal when none does. */
    static DiagnosticStep connect(List<InetAddress> addresses, int port, Duration timeout) {
        long start = System.nanoTime();
        String reason = "no address to connect to";
        for (InetAddress address : addresses) {
            String where = address.getHostAddress() + ":" + port;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                return DiagnosticStep.ok(DiagnosticStep.TCP_CONNECT, millisSince(start), where + " accepted");
            } catch (ConnectException refused) {
                reason = "Nothing accepts connections on " + where
                        + ": the server is stopped, listens on another port, or a firewall refuses.";
            } catch (SocketTimeoutException silent) {
                reason = "No answer from " + where + " within " + timeout.toSeconds()
                        + " s: a firewall drops the connection, or the server's computer is off.";
            } catch (IOException other) {
                reason = "Cannot reach " + where + ": " + other.getMessage() + ".";
            }
        }
        return DiagnosticStep.failed(DiagnosticStep.TCP_CONNECT, millisSince(start), reason);
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
