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
                            host + " could not be found: check the server's name in the connection settings, or "
                                    + "this computer's network connection (its name service, DNS, does not know it)."),
                    List.of());
        }
    }

    /**
     * Connects to each address of {@code host} in turn until one accepts; reports the last refusal when none does, in
     * the words the start-up screen uses ("Nothing is listening on db.school.org port 5999").
     */
    static DiagnosticStep connect(String host, List<InetAddress> addresses, int port, Duration timeout) {
        long start = System.nanoTime();
        String reason = "no address to connect to";
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                return DiagnosticStep.ok(
                        DiagnosticStep.TCP_CONNECT,
                        millisSince(start),
                        address.getHostAddress() + ":" + port + " accepted");
            } catch (ConnectException refused) {
                reason = "Nothing is listening on " + host + " port " + port
                        + ": the server is stopped, the port is wrong, or a firewall refuses the connection.";
            } catch (SocketTimeoutException silent) {
                reason = host + " port " + port + " did not answer within " + timeout.toSeconds()
                        + " s: a firewall drops the connection, or the server's computer is off or not reachable "
                        + "from this network.";
            } catch (IOException other) {
                reason = host + " port " + port + " cannot be reached from this computer (" + other.getMessage() + ").";
            }
        }
        return DiagnosticStep.failed(DiagnosticStep.TCP_CONNECT, millisSince(start), reason);
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
