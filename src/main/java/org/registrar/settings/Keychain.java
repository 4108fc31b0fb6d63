package org.registrar.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.registrar.db.ConnectionProfile;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remember the password": the operating system's keychain through java-keyring (Secret Service on Linux, Credential
 * Manager on Windows, Keychain on macOS). A password is kept there and nowhere else: never in a file, the preferences
 * or the log. Every method blocks (D-Bus or OS calls; finding no keychain takes seconds): never on the FX thread.
 * Thread-safe (each call opens the keyring for itself).
 */
public final class Keychain {
    private static final Logger LOG = LoggerFactory.getLogger(Keychain.class);
    static final String SERVICE = "Registrar";

    private final String service;
    private final String unavailable;

    private Keychain(String service, String unavailable) {
        this.service = service;
        this.unavailable = unavailable;
    }

    /**
     * This desktop's keychain, probed once; {@link #unavailableReason()} says why it cannot be used. Entries go under
     * the service "Registrar" (the tests set {@code registrar.keychainService} to keep theirs apart). Blocking.
     */
    public static Keychain probe() {
        return probe(System.getProperty("registrar.keychainService", SERVICE));
    }

    /** As {@link #probe()} under another service name (tests keep their entries apart from a real user's). */
    public static Keychain probe(String service) {
        if (noSessionBus(System.getProperty("os.name", ""), System.getenv())) {
            // java-keyring would spend seconds trying each backend to find what this already tells
            return new Keychain(service, noKeychainWords());
        }
        try (Keyring keyring = Keyring.create()) {
            return new Keychain(service, null);
        } catch (BackendNotSupportedException none) {
            return new Keychain(service, noKeychainWords());
        } catch (Exception | LinkageError broken) {
            LOG.warn("The system keychain cannot be used: {}", broken.toString());
            return new Keychain(
                    service,
                    Messages.text(
                            "connection.keychain.noAnswer", broken.getClass().getSimpleName()));
        }
    }

    /**
     * On Linux a Secret Service is reached over the session's D-Bus: none is there when neither
     * DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus (systemd's session bus) nor ~/.dbus/session-bus exists.
     */
    static boolean noSessionBus(String osName, java.util.Map<String, String> environment) {
        if (!osName.startsWith("Linux")) {
            return false;
        }
        if (environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            String runtime = environment.get("XDG_RUNTIME_DIR");
            boolean systemdBus = runtime != null && java.nio.file.Files.exists(java.nio.file.Path.of(runtime, "bus"));
            String home = environment.getOrDefault("HOME", System.getProperty("user.home", ""));
            boolean launchedBus = java.nio.file.Files.isDirectory(java.nio.file.Path.of(home, ".dbus", "session-bus"));
            return !systemdBus && !launchedBus;
        }
        return false;
    }

    private static String noKeychainWords() {
        String os = System.getProperty("os.name", "");
        return os.startsWith("Linux")
                ? Messages.text("connection.keychain.noSecretService")
                : Messages.text("connection.keychain.none");
    }

    /** Empty when passwords can be kept; else why not, in a user's words. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    /** The name a profile's password is kept under: the login and the server, never the password. */
    public static String account(ConnectionProfile profile) {
        return (profile.user() == null ? "" : profile.user()) + "@" + ConnectionProfile.redact(profile.url());
    }

    /** The remembered password for this account, if any; empty also when the keychain cannot be asked. */
    public Optional<String> password(String account) {
        if (unavailable != null) {
            return Optional.empty();
        }
        try (Keyring keyring = Keyring.create()) {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException none) {
            return Optional.empty();
        } catch (Exception | LinkageError broken) {
            LOG.warn("Could not read the remembered password for {}: {}", account, broken.toString());
            return Optional.empty();
        }
    }

    /**
     * Remembers the password for this account.
     *
     * @throws IllegalStateException when the keychain cannot be used or refuses
     */
    public void store(String account, String password) {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        try (Keyring keyring = Keyring.create()) {
            keyring.setPassword(service, account, password);
            LOG.info("Password for {} remembered in the system keychain", account);
        } catch (Exception | LinkageError broken) {
            throw new IllegalStateException("The system keychain did not keep the password: " + broken, broken);
        }
    }

    /** Forgets the account's password; true when one was there. Never throws: a keychain that fails is logged. */
    public boolean forget(String account) {
        if (unavailable != null) {
            return false;
        }
        try (Keyring keyring = Keyring.create()) {
            keyring.deletePassword(service, account);
            LOG.info("Remembered password for {} forgotten", account);
            return true;
        } catch (PasswordAccessException none) {
            return false;
        } catch (Exception | LinkageError broken) {
            LOG.warn("Could not forget the remembered password for {}: {}", account, broken.toString());
            return false;
        }
    }
}
