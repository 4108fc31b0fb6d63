package org.registrar.students;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.registrar.i18n.Messages;

/** One recent assessment result of a student, for the detail pane. Immutable. */
public record ResultLine(
        String title, String subject, LocalDate assessedOn, BigDecimal score, BigDecimal maxScore, boolean excused) {

    /** "17.50 / 20", "excused" or "not scored", in the chosen language ("17,50 / 20" in German). */
    public String describeScore() {
        if (excused) {
            return Messages.text("messages.roster.excused");
        }
        if (score == null) {
            return Messages.text("messages.roster.notScored");
        }
        return number(score) + " / " + number(maxScore.stripTrailingZeros());
    }

    /** The day of the assessment as the chosen language writes it ("1 Oct 2026", "01.10.2026"). */
    public String describeDate() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Messages.locale())
                .format(assessedOn);
    }

    /** The number with as many decimals as it was stored with, in the chosen language's digits and separator. */
    private static String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Messages.locale());
        int decimals = Math.max(0, value.scale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        return format.format(value);
    }
}
