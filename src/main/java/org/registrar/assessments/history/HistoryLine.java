package org.registrar.assessments.history;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.registrar.i18n.Messages;

/**
 * A history entry as the screen shows it: local time, who, which student and assessment, the change in words
 * ("7 → 8.5", "new: 7", "excused → 12", "comment: … → …") and the batch's short id. Immutable.
 */
public record HistoryLine(
        String when, String who, String student, String assessment, String change, String batch, HistoryEntry entry) {
    public static HistoryLine of(HistoryEntry entry, ZoneId zone) {
        String student = entry.studentNumber().isEmpty()
                ? Messages.text("messages.history.student", entry.studentId())
                : entry.studentNumber() + "  " + entry.studentName();
        String assessment = entry.assessmentTitle().isEmpty()
                ? Messages.text("messages.history.assessment", entry.assessmentId())
                : entry.assessmentTitle();
        // the chosen language's date order, with seconds: two changes in one minute stay apart
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(Messages.locale());
        String batch = entry.batchId() == null ? "" : entry.batchId().toString().substring(0, 8);
        return new HistoryLine(
                when.format(entry.changedAt().atZone(zone)),
                entry.changedBy(),
                student,
                assessment,
                change(entry),
                batch,
                entry);
    }

    public static String change(HistoryEntry entry) {
        String before = score(entry.oldScore(), entry.oldExcused());
        String after = score(entry.newScore(), entry.newExcused());
        List<String> parts = new ArrayList<>();
        switch (entry.operation()) {
            case "insert" -> parts.add(Messages.text("messages.history.new", after));
            case "delete" -> parts.add(Messages.text("messages.history.deleted", before));
            default -> {
                if (!before.equals(after)) {
                    parts.add(before + " → " + after);
                }
            }
        }
        if (!Objects.equals(entry.oldComment(), entry.newComment())) {
            parts.add(
                    Messages.text("messages.history.comment", quoted(entry.oldComment()), quoted(entry.newComment())));
        }
        return String.join("; ", parts);
    }

    private static String score(BigDecimal score, Boolean excused) {
        if (Boolean.TRUE.equals(excused)) {
            return Messages.text("messages.history.excused");
        }
        if (score == null) {
            return Messages.text("messages.history.blank");
        }
        // "8.5" in English, "8,5" in German; whole scores without decimals
        BigDecimal stripped = score.stripTrailingZeros();
        NumberFormat format = NumberFormat.getNumberInstance(Messages.locale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, stripped.scale()));
        return format.format(stripped);
    }

    private static String quoted(String comment) {
        if (comment == null || comment.isEmpty()) {
            return Messages.text("messages.history.noComment");
        }
        String shown = comment.length() > 40 ? comment.substring(0, 39) + "…" : comment;
        return "\"" + shown.replace('\n', ' ') + "\"";
    }
}
