package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** Issue 18: why a database's schema cannot be used was English on a German start-up screen and in doctor. */
class SchemaWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void schemaProblemsSpeakTheChosenLanguage() {
        Messages.use(Locale.GERMAN);
        assertThat(SchemaVersionException.newerThanApp("70", "61").getMessage())
                .isEqualTo("Diese Datenbank wurde von einem neueren Registrar aktualisiert (Schema 70); diese App"
                        + " kennt Schema 61. Bitte installieren Sie die neuere Version.");
        assertThat(SchemaVersionException.notUpgradableByThisLogin("60", "61", null)
                        .getMessage())
                .startsWith("Diese Datenbank hat Schema 60 und diese App braucht Schema 61");
        assertThat(SchemaVersionException.notUpgradableByThisLogin("none", "61", null)
                        .getMessage())
                .startsWith("Diese Datenbank hat noch kein Registrar-Schema");
        assertThat(SchemaVersionException.historyDiffers(List.of("Migration checksum mismatch for version 60"))
                        .getMessage())
                .startsWith("Die Schema-Historie dieser Datenbank passt nicht")
                .contains("(Migration checksum mismatch for version 60)");
        Messages.use(Locale.ENGLISH);
        assertThat(SchemaVersionException.newerThanApp("70", "61").getMessage())
                .isEqualTo("This database was upgraded by a newer Registrar (schema 70); this app knows schema 61."
                        + " Please install the newer version.");
    }
}
