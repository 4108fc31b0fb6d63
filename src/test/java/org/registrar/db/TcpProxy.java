package org.registrar.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process TCP proxy on loopback for fault tests: forwards to a server until told to swallow traffic (a
 * network black hole: bytes are accepted and dropped, nothing answers, no connection is closed), or to swallow the
 * server's replies on the one connection that next sends a given text (a reply lost after the request arrived).
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean blackHole;
    private volatile byte[] muteAfter;
    private volatile byte[] cutAfter;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients have opened through the proxy so far. */
    public int connections() {
        return accepted.get();
    }

    /** From now on nothing passes in either direction; connections stay open. */
    void swallowTraffic() {
        blackHole = true;
    }

    /**
     * One-shot: the first connection whose client sends bytes containing {@code marker} (e.g. "COMMIT") still
     * delivers them to the server, but from then on none of the server's replies on that connection reach the
     * client. Other connections, and later ones, are untouched.
     */
    public void swallowRepliesAfter(String marker) {
        muteAfter = marker.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One-shot: the first connection whose client sends bytes containing {@code marker} delivers them to the server,
     * then its client side is closed at once (the client sees the connection drop) while the server side stays open
     * and silent: a half-open connection the server never hears the end of, as when a VPN or Wi-Fi drops.
     */
    public void cutClientAfter(String marker) {
        cutAfter = marker.getBytes(StandardCharsets.US_ASCII);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean muted = new AtomicBoolean();
                pump(client, server, muted, true);
                pump(server, client, muted, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean muted, boolean fromClient) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream()) {
                        OutputStream out = to.getOutputStream();
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (fromClient && triggers(buffer, read)) {
                                muted.set(true);
                            }
                            if (!blackHole && !(muted.get() && !fromClient)) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                            if (fromClient && cuts(buffer, read)) {
                                muted.set(true);
                                from.close();
                                return;
                            }
                        }
                    } catch (IOException ended) {
                        // one side closed; the other pump ends on its own
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized boolean triggers(byte[] buffer, int length) {
        byte[] marker = muteAfter;
        if (marker == null || !contains(buffer, length, marker)) {
            return false;
        }
        muteAfter = null;
        return true;
    }

    private synchronized boolean cuts(byte[] buffer, int length) {
        byte[] marker = cutAfter;
        if (marker == null || !contains(buffer, length, marker)) {
            return false;
        }
        cutAfter = null;
        return true;
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int start = 0; start + marker.length <= length; start++) {
            for (int i = 0; i < marker.length; i++) {
                if (buffer[start + i] != marker[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
