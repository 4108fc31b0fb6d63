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
import org.registrar.i18n.Messages;

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
            throw new IllegalArgumentException(Messages.text("health.step.badUrl", jdbcUrl));
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
                            Messages.text("health.step.unknownHost", host)),
                    List.of());
        }
    }

    /**
     * Connects to each address of {@code host} in turn until one accepts; reports the last refusal when none does, in
     * the words the start-up screen uses ("Nothing is listening on db.school.org port 5999").
     */
    static DiagnosticStep connect(String host, List<InetAddress> addresses, int port, Duration timeout) {
        long start = System.nanoTime();
        String reason = Messages.text("health.step.noAddress");
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                return DiagnosticStep.ok(
                        DiagnosticStep.TCP_CONNECT,
                        millisSince(start),
                        Messages.text("health.step.accepted", address.getHostAddress() + ":" + port));
            } catch (ConnectException refused) {
                reason = Messages.text("health.step.nothingListening", host, String.valueOf(port));
            } catch (SocketTimeoutException silent) {
                reason = Messages.text("health.step.noAnswer", host, String.valueOf(port), timeout.toSeconds());
            } catch (IOException other) {
                reason = Messages.text("health.step.unreachable", host, String.valueOf(port), other.getMessage());
            }
        }
        return DiagnosticStep.failed(DiagnosticStep.TCP_CONNECT, millisSince(start), reason);
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
