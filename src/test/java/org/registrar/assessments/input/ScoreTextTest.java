package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a score cell means, against a maximum score of 25. */
class ScoreTextTest {
    private static final BigDecimal MAX = BigDecimal.valueOf(25);

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "17 | 17",
                "12,5 | 12.5",
                "12.50 | 12.50",
                ".5 | 0.5",
                "0 | 0",
                "25 | 25",
                "85% | 21.25",
                "17/20 | 21.25",
                "1/3 | 8.33",
                "100 % | 25",
                "+3 | 3"
            })
    void readsValues(String typed, String expected) {
        ParsedScore parsed = ScoreText.parse(typed, MAX);
        assertThat(parsed.kind()).isEqualTo(ParsedScore.Kind.VALUE);
        assertThat(parsed.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "abc | is not a number",
                "-0.5 | is below 0",
                "25.01 | above the maximum score 25",
                "120% | above the maximum score 25",
                "21/20 | more than the whole",
                "3/0 | divides by 0",
                "1.005 | too many decimals",
                "NaN | not a finite number",
                "∞ | not a finite number",
                "１２ | full-width",
                "٣ | full-width",
                "=A1*2 | formula",
                "1,234.5 | is not a number",
                "12 points | is not a number"
            })
    void refusesWithAMessage(String typed, String message) {
        ParsedScore parsed = ScoreText.parse(typed, MAX);
        assertThat(parsed.kind()).isEqualTo(ParsedScore.Kind.INVALID);
        assertThat(parsed.problem()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"EX", "ex", "Excused", "EXCUSED"})
    void excused(String typed) {
        assertThat(ScoreText.parse(typed, MAX).kind()).isEqualTo(ParsedScore.Kind.EXCUSED);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '", "'\u00a0'"})
    void blankKeepsTheSavedScoreAndNeverMeansZero(String typed) {
        ParsedScore parsed = ScoreText.parse(typed, MAX);
        assertThat(parsed.kind()).isEqualTo(ParsedScore.Kind.BLANK);
        assertThat(parsed.value()).isNull();
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aMillionDigitsAreRefusedUnreadNotParsedForMinutes() {
        ParsedScore parsed = ScoreText.parse("7".repeat(1_000_000), MAX);

        assertThat(parsed.kind()).isEqualTo(ParsedScore.Kind.INVALID);
        assertThat(parsed.problem())
                .isEqualTo("\"777777777777…\" (1000000 characters) is too long for a score (at most 24)");
    }
}
