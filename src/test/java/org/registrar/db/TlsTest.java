package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.health.DiagnosticStep;
import org.registrar.health.Diagnostics;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * TLS with certificates made in the test (openssl): a root CA, a server certificate for "localhost" signed by
 * it, and an unrelated root. verify-full works only with the right root and the right host name.
 */
class TlsTest {
    @TempDir
    static Path folder;

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        makeCertificates(folder);
        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", folder.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", folder.resolve("server.key").toString())
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void makeCertificates(Path dir) throws Exception {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Registrar Test CA",
                "-keyout",
                "root.key",
                "-out",
                "root.crt");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Some Other CA",
                "-keyout",
                "other.key",
                "-out",
                "other.crt");
        openssl(
                dir,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "server.key",
                "-out",
                "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "root.crt",
                "-CAkey",
                "root.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                "san.ext",
                "-out",
                "server.crt");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + output);
        }
    }

    private static Database open(String host, ConnectionProfile.SslMode mode, String rootCertificate) {
        String url = "jdbc:postgresql://" + host + ":" + server.getPort() + "/postgres";
        ConnectionProfile profile = new ConnectionProfile(
                url, "postgres", mode, rootCertificate == null ? null : folder.resolve(rootCertificate), false, 1);
        return Database.open(profile, url, null, new QueryMetrics(), new PoolMetrics());
    }

    @Test
    void verifyFullToTheRightNameWithTheRightRootIsEncrypted() {
        try (Database database = open("localhost", ConnectionProfile.SslMode.VERIFY_FULL, "root.crt")) {
            var report = new Diagnostics(database).run();

            assertThat(report.reachable()).as(report.verdict()).isTrue();
            assertThat(report.tls()).startsWith("on (TLSv1.");
            assertThat(report.steps().get(2).outcome()).isEqualTo(DiagnosticStep.Outcome.OK);
            assertThat(report.steps().get(2).detail())
                    .startsWith("TLSv1.")
                    .endsWith("certificate signed by the root certificate and names the host");
        }
    }

    @Test
    void aRefusedCertificateFailsTheTlsStepAndSkipsTheLogin() {
        try (Database database = open("localhost", ConnectionProfile.SslMode.VERIFY_FULL, "other.crt")) {
            var report = new Diagnostics(database).run();

            assertThat(report.steps())
                    .extracting(DiagnosticStep::outcome)
                    .containsExactly(
                            DiagnosticStep.Outcome.OK,
                            DiagnosticStep.Outcome.OK,
                            DiagnosticStep.Outcome.FAILED,
                            DiagnosticStep.Outcome.SKIPPED,
                            DiagnosticStep.Outcome.SKIPPED,
                            DiagnosticStep.Outcome.SKIPPED);
            assertThat(report.steps().get(2).detail())
                    .startsWith("The server's certificate is not signed by the root certificate");
        }
    }

    @Test
    void aWrongRootCertificateIsRefusedWithItsOwnMessage() {
        try (Database database = open("localhost", ConnectionProfile.SslMode.VERIFY_FULL, "other.crt")) {
            assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("SELECT 1")))
                    .satisfies(error -> {
                        assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.TLS);
                        assertThat(DatabaseErrors.describe(error))
                                .startsWith("The server's certificate is not signed by the root certificate");
                    });
        }
    }

    @Test
    void aWrongHostNameIsRefusedWithItsOwnMessage() {
        try (Database database = open("127.0.0.1", ConnectionProfile.SslMode.VERIFY_FULL, "root.crt")) {
            assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("SELECT 1")))
                    .satisfies(error -> {
                        assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.TLS);
                        assertThat(DatabaseErrors.describe(error))
                                .startsWith("The server's certificate does not name the host 127.0.0.1");
                    });
        }
    }

    @Test
    void requireEncryptsWithoutCheckingTheCertificate() {
        try (Database database = open("127.0.0.1", ConnectionProfile.SslMode.REQUIRE, null)) {
            assertThat(new Diagnostics(database).run().tls()).startsWith("on (TLSv1.");
        }
    }
}
