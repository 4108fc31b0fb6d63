package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.i18n.Messages;

/** Issue 18: a broken credentials file of the embedded server (a failed start's reason) was English in every language. */
class CredentialsWordsTest {
    @TempDir
    Path folder;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aBrokenCredentialsFileIsNamedInTheChosenLanguage() throws Exception {
        Path file = Files.writeString(folder.resolve(ServerCredentials.FILE), "desktop.user=registrar\n");
        Messages.use(Locale.GERMAN);
        assertThatThrownBy(() -> ServerCredentials.read(folder))
                .hasMessage(file + " ist unvollständig; verschieben Sie sie, damit neue Passwörter erzeugt werden");
        Files.delete(file);
        Files.createDirectory(file);
        assertThatThrownBy(() -> ServerCredentials.read(folder))
                .hasMessage(file + " ist keine Zugangsdatei, die Registrar geschrieben hat");
    }
}
