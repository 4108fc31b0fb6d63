package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 (review, item 1): whoever listens on the embedded server's port (another OS account, after this user's
 * server stopped or in the moment before it binds) asks for the password in cleartext. The app must refuse and never
 * send it. The impostor is a plain socket speaking just enough of the PostgreSQL protocol.
 */
class ImpostorServerTest {
    private static final int SSL_REQUEST = 80_877_103;
    private static final int GSS_ENC_REQUEST = 80_877_104;
    private static final int CLEARTEXT_PASSWORD = 3;

    @TempDir
    Path temp;

    private ServerSocket impostor;
    private Thread listener;
    private final AtomicInteger startups = new AtomicInteger();
    private final AtomicBoolean passwordReceived = new AtomicBoolean();

    @BeforeEach
    void listen() throws IOException {
        impostor = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        listener = new Thread(this::acceptAll, "impostor");
        listener.setDaemon(true);
        listener.start();
    }

    @AfterEach
    void stop() throws Exception {
        impostor.close();
        listener.join(5_000);
    }

    @Test
    void attachingToARememberedPortAnImpostorHoldsSendsNoPassword() throws Exception {
        Path data = temp.resolve("pgdata");
        Files.createDirectories(data);
        DataFolder.rememberPort(data, impostor.getLocalPort());
        ServerCredentials.generate("staff").write(data);

        assertThatThrownBy(() -> EmbeddedServer.attach(data)).isInstanceOf(IOException.class);

        assertThat(startups.get()).as("the app reached the impostor").isPositive();
        assertThat(passwordReceived)
                .as("a password message reached the impostor")
                .isFalse();
    }

    @Test
    void thePoolsUrlSendsNoPasswordToAnImpostor() {
        Properties login = new Properties();
        login.setProperty("user", "staff");
        login.setProperty("password", "secret");
        String url = EmbeddedServer.url(impostor.getLocalPort(), "registrar");

        assertThatThrownBy(() -> DriverManager.getConnection(url, login)).isInstanceOf(SQLException.class);

        assertThat(startups.get()).as("the app reached the impostor").isPositive();
        assertThat(passwordReceived)
                .as("a password message reached the impostor")
                .isFalse();
    }

    private void acceptAll() {
        while (!impostor.isClosed()) {
            try (Socket client = impostor.accept()) {
                client.setSoTimeout(5_000);
                askForCleartextPassword(client);
            } catch (IOException e) {
                // the client hung up (as it should) or the test closed the socket
            }
        }
    }

    private void askForCleartextPassword(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        while (true) {
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
            if (code == SSL_REQUEST || code == GSS_ENC_REQUEST) {
                out.write('N');
                out.flush();
                continue;
            }
            break;
        }
        startups.incrementAndGet();
        out.write('R');
        out.writeInt(8);
        out.writeInt(CLEARTEXT_PASSWORD);
        out.flush();
        int type = in.read();
        if (type == 'p') {
            int length = in.readInt();
            String password = new String(in.readNBytes(length - 4), StandardCharsets.UTF_8);
            passwordReceived.set(!password.isEmpty());
        }
    }
}
