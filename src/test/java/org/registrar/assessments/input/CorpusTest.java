package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.registrar.assessments.data.SheetRow;

/**
 * Every file of the malformed and awkward CSV corpus (src/test/resources/.../corpus) read and validated against a
 * five-student cohort with a maximum score of 20; each file's encoding, delimiter, row counts and problems (line and
 * message) are asserted from corpus-expectations.txt.
 */
class CorpusTest {
    static final List<SheetRow> ROSTER = List.of(
            row(1, "S0000001", "a1@school.example"),
            row(2, "S0000002", "a2@school.example"),
            row(3, "S0000003", "a3@school.example"),
            row(4, "S0000004", null),
            row(5, "S0000005", null));
    static final Map<String, String> ELSEWHERE = Map.of("s0000099", "9B-00002");

    record Expectation(String file, String charset, String delimiter, int rows, int valid, List<String> problems) {
        @Override
        public String toString() {
            return file;
        }
    }

    static SheetRow row(long id, String number, String email) {
        return new SheetRow(id, number, "Family" + id, "Given", email, null, false, null, null);
    }

    static Stream<Expectation> corpus() throws IOException {
        String text = resource("corpus-expectations.txt");
        List<Expectation> all = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String problems = parts[5].strip();
            all.add(new Expectation(
                    parts[0].strip(),
                    parts[1].strip(),
                    parts[2].strip(),
                    Integer.parseInt(parts[3].strip()),
                    Integer.parseInt(parts[4].strip()),
                    problems.isEmpty() ? List.of() : Arrays.asList(problems.split(";"))));
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsAndValidatesAsExpected(Expectation expected) throws IOException {
        CsvImport.Result result = CsvImport.read(bytes("corpus/" + expected.file()));
        ValidatedInput validated =
                new InputValidator(ROSTER, BigDecimal.valueOf(20)).validate(result.rows(), ELSEWHERE);

        String charset = result.charset().name() + (result.bom() ? " bom" : "");
        assertThat(charset).isEqualTo(expected.charset());
        assertThat(
                        result.table().delimiter() == '\t'
                                ? "tab"
                                : String.valueOf(result.table().delimiter()))
                .isEqualTo(expected.delimiter());
        assertThat(result.rows()).hasSize(expected.rows());
        assertThat(validated.valid()).hasSize(expected.valid());
        assertThat(validated.problems()).hasSize(expected.problems().size());
        for (int i = 0; i < expected.problems().size(); i++) {
            String[] lineAndText = expected.problems().get(i).split(":", 2);
            Problem problem = validated.problems().get(i);
            assertThat(problem.line()).as(problem.describe()).isEqualTo(Integer.parseInt(lineAndText[0]));
            assertThat(problem.message()).contains(lineAndText[1]);
        }
    }

    static String resource(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/org/registrar/assessments/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
