package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.InputRow;
import org.registrar.assessments.input.InputValidator;
import org.registrar.i18n.Messages;

/** Issue 18: a pasted or imported line's problem read "Pasted line 3: …" in every language. */
class InputLineWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aRejectedLineIsNamedInTheChosenLanguage() {
        Messages.use(Locale.GERMAN);
        assertThat(problems("Pasted")).containsExactly("Eingefügte Zeile 2: unbekannter Schüler „S0000009“");
        assertThat(problems("Imported")).containsExactly("Importierte Zeile 2: unbekannter Schüler „S0000009“");
        Messages.use(Locale.ENGLISH);
        assertThat(problems("Pasted")).containsExactly("Pasted line 2: unknown student \"S0000009\"");
    }

    private static List<String> problems(String source) {
        InputValidator roster = new InputValidator(
                List.of(new SheetRow(1, "S0000001", "Family1", "Given", null, null, false, null, null)),
                new BigDecimal("100"));
        List<InputRow> input =
                List.of(new InputRow(1, "S0000001", "50", null), new InputRow(2, "S0000009", "60", null));
        return GridEditor.match(input, roster, Map.of(), source).problems().stream()
                .map(Issue::text)
                .toList();
    }
}
