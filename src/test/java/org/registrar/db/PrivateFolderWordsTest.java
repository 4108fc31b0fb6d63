package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.i18n.Messages;

/** Issue 18: why the data folder cannot be used (shown on the start-up screen) was English in every language. */
class PrivateFolderWordsTest {
    @TempDir
    Path folder;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedInTheChosenLanguage() throws Exception {
        Path file = Files.writeString(folder.resolve("pgdata"), "x");
        Messages.use(Locale.GERMAN);
        assertThatThrownBy(() -> PrivateFolder.ensure(file))
                .hasMessage(file + " ist kein Ordner (oder ist eine Verknüpfung); Registrar bewahrt seine Daten nur in"
                        + " einem eigenen privaten Ordner auf");
    }

    @Test
    void aFolderOfAnotherAccountIsNamedInTheChosenLanguage() throws Exception {
        assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix"));
        Path data = Files.createDirectory(folder.resolve("data"));
        String me = System.getProperty("user.name");
        Messages.use(Locale.GERMAN);
        System.setProperty("user.name", "someone-else");
        try {
            assertThatThrownBy(() -> PrivateFolder.ensure(data))
                    .hasMessageStartingWith("Der Ordner " + data + " gehört dem Konto ")
                    .hasMessageEndingWith(", nicht someone-else; Registrar bewahrt Ihre Daten dort nicht auf");
        } finally {
            System.setProperty("user.name", me);
        }
    }
}
