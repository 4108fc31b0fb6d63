package org.registrar.db;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.registrar.metrics.QueryMetrics;

/**
 * The pgjdbc {@code socketFactory} that counts round trips on the wire: each time the driver reads an answer after
 * it has written something, the thread reading (the one running the statement, pgjdbc is synchronous) is charged one
 * round trip in its {@link QueryMetrics}. So a BEGIN sent with the first statement costs nothing extra, a COMMIT
 * costs one, and the pool's validation of an idle connection ({@code isValid}, an empty query) costs one, as on the
 * network. pgjdbc creates the factory by class name with {@code socketFactoryArg}, the key {@link #register} gave
 * out. Thread-safe.
 */
public final class RoundTripSockets extends SocketFactory {
    private static final Map<String, QueryMetrics> METRICS = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private final QueryMetrics metrics;

    /** Called by pgjdbc with the connection's {@code socketFactoryArg}. */
    public RoundTripSockets(String key) {
        QueryMetrics registered = METRICS.get(key);
        if (registered == null) {
            throw new IllegalStateException("No query metrics registered as " + key);
        }
        this.metrics = registered;
    }

    /** Makes connections opened with the returned key count their round trips in {@code metrics}. */
    static String register(QueryMetrics metrics) {
        String key = "metrics-" + KEYS.incrementAndGet();
        METRICS.put(key, metrics);
        return key;
    }

    /** Forgets the key once the pool that used it is closed. */
    static void unregister(String key) {
        METRICS.remove(key);
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket(metrics);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new java.net.InetSocketAddress(localHost, localPort));
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
        socket.connect(new java.net.InetSocketAddress(address, port));
        return socket;
    }

    /** A plain TCP socket whose streams note a write and charge the first read after it. */
    private static final class CountingSocket extends Socket {
        private final QueryMetrics metrics;
        private volatile boolean written;
        private InputStream input;
        private OutputStream output;

        CountingSocket(QueryMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int read = super.read();
                        answered();
                        return read;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = in.read(buffer, offset, length);
                        answered();
                        return read;
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        written = true;
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        out.write(buffer, offset, length);
                        written = true;
                    }
                };
            }
            return output;
        }

        private void answered() {
            if (written) {
                written = false;
                metrics.recordRoundTrip();
            }
        }
    }
}
