package org.registrar.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where no session bus can exist, the keychain is known absent at once (java-keyring takes seconds to say so). */
class KeychainSessionBusTest {
    @TempDir
    Path folder;

    @Test
    void linuxWithoutAnySessionBusHasNoKeychain() {
        assertThat(Keychain.noSessionBus(
                        "Linux", Map.of("XDG_RUNTIME_DIR", folder.toString(), "HOME", folder.toString())))
                .isTrue();
        assertThat(Keychain.noSessionBus("Linux", Map.of("HOME", folder.toString())))
                .isTrue();
    }

    @Test
    void anyWayToASessionBusLetsJavaKeyringLook() throws Exception {
        assertThat(Keychain.noSessionBus("Linux", Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus")))
                .isFalse();
        Files.createFile(folder.resolve("bus"));
        assertThat(Keychain.noSessionBus("Linux", Map.of("XDG_RUNTIME_DIR", folder.toString(), "HOME", "/nonexistent")))
                .isFalse();
        assertThat(Keychain.noSessionBus("Windows 11", Map.of())).isFalse();
        assertThat(Keychain.noSessionBus("Mac OS X", Map.of())).isFalse();
    }
}
