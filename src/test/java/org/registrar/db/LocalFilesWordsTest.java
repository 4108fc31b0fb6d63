package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.input.CsvFile;
import org.registrar.i18n.Messages;

/**
 * Issue 18: why a local file cannot be read (shown after the settings file, the import command's file) was English in
 * every language.
 */
class LocalFilesWordsTest {
    @TempDir
    Path folder;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void whyAFileCannotBeReadSpeaksTheChosenLanguage() throws Exception {
        Path big = Files.writeString(folder.resolve("big"), "5".repeat(50));
        Messages.use(Locale.GERMAN);
        assertThatThrownBy(() -> LocalFiles.readText(folder, 10))
                .isInstanceOf(LocalFiles.Unreadable.class)
                .hasMessage(folder + " ist keine gewöhnliche Datei (ein Ordner, eine Pipe oder ein Gerät)");
        assertThatThrownBy(() -> LocalFiles.readText(big, 10))
                .hasMessage(big + " ist größer als 10 Byte, das Höchstmaß dafür");
        assertThatThrownBy(() -> CsvFile.read(folder.resolve("missing.csv")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageEndingWith("Datei nicht vorhanden");
    }
}
