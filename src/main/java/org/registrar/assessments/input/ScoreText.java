package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.registrar.i18n.Messages;

/**
 * Reads what a person typed or pasted into a score cell, against the assessment's maximum score. Accepts a decimal
 * point or a decimal comma, "85%" and "17/20" (converted against the maximum, rounded to 2 decimals), "EX" or
 * "excused"; blank keeps the saved score (it never means 0). Everything else gets a message a person can act on.
 * Stateless and thread-safe.
 */
public final class ScoreText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    private static final Pattern PERCENT = Pattern.compile("(" + NUMBER.pattern() + ")\\s*%");
    private static final Pattern FRACTION =
            Pattern.compile("(" + NUMBER.pattern() + ")\\s*/\\s*(" + NUMBER.pattern() + ")");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);
    static final int MAX_DECIMALS = 2;

    private ScoreText() {}

    /** Reads {@code raw} (null is blank) for an assessment whose maximum score is {@code max}. */
    public static ParsedScore parse(String raw, BigDecimal max) {
        String text = raw == null ? "" : raw.replace('\u00a0', ' ').strip();
        if (text.isEmpty()) {
            return ParsedScore.BLANK;
        }
        if (text.length() > InputLimits.MAX_SCORE_CHARS) {
            // BigDecimal's parse grows with the square of the digits: refuse unread what no score can be
            return ParsedScore.invalid(Messages.text(
                    "messages.score.tooLong", text.substring(0, 12), text.length(), InputLimits.MAX_SCORE_CHARS));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("ex") || lower.equals("excused")) {
            return ParsedScore.EXCUSED;
        }
        if (text.startsWith("=") || text.startsWith("+=") || text.startsWith("@")) {
            return ParsedScore.invalid(Messages.text("messages.score.formula", text));
        }
        if (NOT_FINITE.matcher(text).matches()) {
            return ParsedScore.invalid(Messages.text("messages.score.notFinite", text));
        }
        if (text.codePoints().anyMatch(ch -> Character.isDigit(ch) && (ch < '0' || ch > '9'))) {
            return ParsedScore.invalid(Messages.text("messages.score.nonLatinDigits", text));
        }
        Matcher percent = PERCENT.matcher(text);
        if (percent.matches()) {
            return converted(number(percent.group(1)).multiply(max).divide(BigDecimal.valueOf(100)), text, max);
        }
        Matcher fraction = FRACTION.matcher(text);
        if (fraction.matches()) {
            return fraction(number(fraction.group(1)), number(fraction.group(4)), text, max);
        }
        if (!NUMBER.matcher(text).matches()) {
            return ParsedScore.invalid(Messages.text("messages.score.notANumber", text));
        }
        BigDecimal value = number(text);
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return ParsedScore.invalid(Messages.text("messages.score.tooManyDecimals", text, MAX_DECIMALS));
        }
        return bounded(
                value.setScale(Math.max(0, Math.min(MAX_DECIMALS, value.scale())), RoundingMode.UNNECESSARY),
                text,
                max);
    }

    private static ParsedScore fraction(BigDecimal points, BigDecimal outOf, String text, BigDecimal max) {
        if (outOf.signum() == 0) {
            return ParsedScore.invalid(Messages.text("messages.score.dividesByZero", text));
        }
        if (points.compareTo(outOf) > 0) {
            return ParsedScore.invalid(Messages.text("messages.score.moreThanWhole", text));
        }
        return converted(points.multiply(max).divide(outOf, 10, RoundingMode.HALF_UP), text, max);
    }

    private static ParsedScore converted(BigDecimal exact, String text, BigDecimal max) {
        return bounded(exact.setScale(MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros(), text, max);
    }

    private static ParsedScore bounded(BigDecimal value, String text, BigDecimal max) {
        if (value.signum() < 0) {
            return ParsedScore.invalid(Messages.text("messages.score.belowZero", text));
        }
        if (max != null && value.compareTo(max) > 0) {
            return ParsedScore.invalid(Messages.text("messages.score.aboveMax", text, max));
        }
        return ParsedScore.of(value.scale() < 0 ? value.setScale(0) : value);
    }

    private static BigDecimal number(String text) {
        String normal = text.replace(',', '.');
        if (normal.startsWith(".") || normal.startsWith("+.") || normal.startsWith("-.")) {
            normal = normal.replaceFirst("\\.", "0.");
        }
        if (normal.endsWith(".")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return new BigDecimal(normal);
    }

    /** "17.5", "EX" or "" the way the grid shows a saved score. */
    public static String format(BigDecimal score, boolean excused) {
        if (excused) {
            return "EX";
        }
        if (score == null) {
            return "";
        }
        // shown with the chosen language's decimal separator ("12,5" in German); parse reads both
        char separator =
                java.text.DecimalFormatSymbols.getInstance(Messages.locale()).getDecimalSeparator();
        return score.stripTrailingZeros().toPlainString().replace('.', separator);
    }
}
