package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;

/**
 * The import's button and file chooser name every kind of file it reads (CSV, text, .xlsx, .ods), not CSV alone,
 * and offer all of them together first.
 */
class ImportChooserTest {
    private static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theFirstChoiceIsEveryKindTheImportReads() {
        FileRequest request = ImportControls.choose();

        assertThat(request.kinds().get(0).description())
                .isEqualTo("All supported files (*.csv, *.tsv, *.txt, *.xlsx, *.ods)");
        assertThat(request.kinds().get(0).patterns()).containsExactly("*.csv", "*.tsv", "*.txt", "*.xlsx", "*.ods");
        assertThat(request.kinds().stream().map(FileRequest.FileKind::patterns))
                .containsExactly(
                        List.of("*.csv", "*.tsv", "*.txt", "*.xlsx", "*.ods"),
                        List.of("*.csv", "*.tsv", "*.txt"),
                        List.of("*.xlsx", "*.ods"),
                        List.of("*.*"));
    }

    @Test
    void inEveryLanguageTheTitleNamesSpreadsheetsAndTheButtonNamesNoFormat() {
        for (Locale language : LANGUAGES) {
            Messages.use(language);
            FileRequest request = ImportControls.choose();
            assertThat(request.title()).as("title in %s", language).isNotEqualTo(csvOnlyTitle(language));
            assertThat(Messages.text("assessments.import"))
                    .as("button in %s", language)
                    .doesNotContain("CSV");
            for (FileRequest.FileKind kind : request.kinds().subList(0, 3)) {
                for (String pattern : kind.patterns()) {
                    assertThat(kind.description())
                            .as("%s in %s", pattern, language)
                            .contains(pattern);
                }
            }
        }
    }

    /** What the chooser was titled when it said CSV only. */
    private static String csvOnlyTitle(Locale language) {
        return switch (language.getLanguage()) {
            case "de" -> "Noten aus einer CSV-Datei importieren";
            case "fr" -> "Importer des notes depuis un fichier CSV";
            case "es" -> "Importar notas de un archivo CSV";
            default -> "Import scores from a CSV file";
        };
    }
}
