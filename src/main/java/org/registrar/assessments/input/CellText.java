package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A workbook cell's value as the text a person would type for it, so the import reads it like a CSV cell: a number
 * rounded to the 15 significant digits a spreadsheet shows (7.5 stays "7.5", never "7.499999999999999"), with no
 * trailing zeros or exponent; a number formatted as a percentage as "85%"; a date as "2026-03-14", a date and time as
 * "2026-03-14 10:30", a time as "10:30". Pure and thread-safe.
 */
final class CellText {
    /** A spreadsheet keeps 15 significant digits; the 16th and 17th of a double are noise ("7.499999999999999"). */
    private static final MathContext SPREADSHEET = new MathContext(15);

    /** Plain digits only within this many places of the point; beyond, scientific (a hostile 1E+999999999). */
    private static final int PLAIN_PLACES = 40;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CellText() {}

    /** The stored number ("7.5", "7.4999999999999991", "1.2E-3"); the text itself when it is not a number. */
    static String number(String stored) {
        BigDecimal value = parse(stored);
        return value == null ? stored.strip() : plain(value);
    }

    /** A number formatted as a percentage: 0.855 → "85.5%". */
    static String percent(String stored) {
        BigDecimal value = parse(stored);
        return value == null ? stored.strip() : plain(value.round(SPREADSHEET).movePointRight(2)) + "%";
    }

    /** A date, a date and time, or a time of day, by what the format shows. */
    static String dateTime(LocalDateTime value, boolean hasDate, boolean hasTime) {
        if (!hasDate) {
            return TIME.format(value);
        }
        boolean midnight = value.toLocalTime().toSecondOfDay() == 0;
        return hasTime && !midnight ? DATE_TIME.format(value) : DATE.format(value);
    }

    private static BigDecimal parse(String stored) {
        String text = stored == null ? "" : stored.strip();
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        BigDecimal shown = value.round(SPREADSHEET).stripTrailingZeros();
        if (shown.signum() == 0) {
            return "0";
        }
        int places = Math.abs(shown.scale()) + shown.precision();
        return places > PLAIN_PLACES ? shown.toString() : shown.toPlainString();
    }
}
