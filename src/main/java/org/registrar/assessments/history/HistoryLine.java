package org.registrar.assessments.history;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A history entry as the screen shows it: local time, who, which student and assessment, the change in words
 * ("7 → 8.5", "new: 7", "excused → 12", "comment: … → …") and the batch's short id. Immutable.
 */
public record HistoryLine(
        String when, String who, String student, String assessment, String change, String batch, HistoryEntry entry) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static HistoryLine of(HistoryEntry entry, ZoneId zone) {
        String student = entry.studentNumber().isEmpty()
                ? "student " + entry.studentId()
                : entry.studentNumber() + "  " + entry.studentName();
        String assessment =
                entry.assessmentTitle().isEmpty() ? "assessment " + entry.assessmentId() : entry.assessmentTitle();
        String batch = entry.batchId() == null ? "" : entry.batchId().toString().substring(0, 8);
        return new HistoryLine(
                WHEN.format(entry.changedAt().atZone(zone)),
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
            case "insert" -> parts.add("new: " + after);
            case "delete" -> parts.add("deleted: " + before);
            default -> {
                if (!before.equals(after)) {
                    parts.add(before + " → " + after);
                }
            }
        }
        if (!Objects.equals(entry.oldComment(), entry.newComment())) {
            parts.add("comment: " + quoted(entry.oldComment()) + " → " + quoted(entry.newComment()));
        }
        return String.join("; ", parts);
    }

    private static String score(BigDecimal score, Boolean excused) {
        if (Boolean.TRUE.equals(excused)) {
            return "excused";
        }
        return score == null ? "blank" : score.stripTrailingZeros().toPlainString();
    }

    private static String quoted(String comment) {
        if (comment == null || comment.isEmpty()) {
            return "none";
        }
        String shown = comment.length() > 40 ? comment.substring(0, 39) + "…" : comment;
        return "\"" + shown.replace('\n', ' ') + "\"";
    }
}
