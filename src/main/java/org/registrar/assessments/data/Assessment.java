package org.registrar.assessments.data;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.registrar.i18n.Messages;

/** One assessment of a cohort. Immutable. */
public record Assessment(
        long id, long cohortId, String title, String subject, BigDecimal maxScore, LocalDate assessedOn) {
    /** "Maths test 1 · 12 Sep 2025 · max 20", the date and number as the chosen language writes them. */
    public String describe() {
        BigDecimal max = maxScore.stripTrailingZeros();
        NumberFormat number = NumberFormat.getNumberInstance(Messages.locale());
        number.setGroupingUsed(false);
        number.setMaximumFractionDigits(Math.max(0, max.scale()));
        return Messages.text(
                "messages.assessment.describe",
                title,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Messages.locale())
                        .format(assessedOn),
                number.format(max));
    }
}
