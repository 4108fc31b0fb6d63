package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.registrar.assessments.data.SheetRow;
import org.registrar.db.StorableText;
import org.registrar.i18n.Messages;

/**
 * Checks input rows against the grid's cohort: each student must be in it, once; each score must read (see
 * {@link ScoreText}); comments fit the database. Pure and thread-safe; the caller looks up, before, which unknown
 * keys belong to students of other cohorts ({@link #unknownKeys}).
 */
public final class InputValidator {
    static final int MAX_COMMENT = 2000;

    private final Map<String, SheetRow> byKey = new HashMap<>();
    private final BigDecimal maxScore;

    /** @param roster the cohort's students; {@code maxScore} the assessment's maximum */
    public InputValidator(List<SheetRow> roster, BigDecimal maxScore) {
        this.maxScore = maxScore;
        for (SheetRow row : roster) {
            byKey.put(normal(row.studentNumber()), row);
            if (row.email() != null) {
                byKey.put(normal(row.email()), row);
            }
        }
    }

    /** The student of the cohort with this number or e-mail, or null. */
    public SheetRow find(String key) {
        return key == null ? null : byKey.get(normal(key));
    }

    /** Keys (normalised) that are not in the cohort: look them up to tell "other cohort" from "unknown". */
    public Set<String> unknownKeys(List<InputRow> rows) {
        Set<String> unknown = new LinkedHashSet<>();
        for (InputRow row : rows) {
            if (row.student() != null && !row.student().isBlank() && find(row.student()) == null) {
                unknown.add(normal(row.student()));
            }
        }
        return unknown;
    }

    /**
     * Validates every row.
     *
     * @param elsewhere for keys of students outside the cohort (normalised), the name of their cohort
     */
    public ValidatedInput validate(List<InputRow> rows, Map<String, String> elsewhere) {
        List<ValidatedInput.ValidRow> valid = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Long, InputRow> firstSeen = new HashMap<>();
        Set<Long> duplicated = new LinkedHashSet<>();
        for (InputRow row : rows) {
            String key = row.student() == null ? "" : row.student().strip();
            SheetRow student = find(key);
            if (key.isEmpty()) {
                problems.add(new Problem(
                        row.line(), Problem.Column.STUDENT, key, Messages.text("messages.input.noStudent")));
                continue;
            }
            if (student == null) {
                problems.add(new Problem(row.line(), Problem.Column.STUDENT, key, notFound(key, elsewhere)));
                continue;
            }
            InputRow first = firstSeen.putIfAbsent(student.studentId(), row);
            if (first != null) {
                duplicated.add(student.studentId());
                String message =
                        Messages.text("messages.input.twice", student.studentNumber(), first.line(), row.line());
                problems.add(new Problem(first.line(), Problem.Column.STUDENT, first.student(), message));
                problems.add(new Problem(row.line(), Problem.Column.STUDENT, key, message));
                continue;
            }
            ParsedScore score = ScoreText.parse(row.score(), maxScore);
            boolean ok = score.isValid();
            if (!ok) {
                problems.add(new Problem(row.line(), Problem.Column.SCORE, key, score.problem()));
            }
            if (row.comment() != null && row.comment().length() > MAX_COMMENT) {
                ok = false;
                problems.add(new Problem(
                        row.line(),
                        Problem.Column.COMMENT,
                        key,
                        Messages.text(
                                "messages.input.commentTooLong", row.comment().length(), MAX_COMMENT)));
            } else if (!StorableText.storable(row.comment())) {
                ok = false;
                problems.add(new Problem(
                        row.line(), Problem.Column.COMMENT, key, Messages.text("messages.input.commentNul")));
            }
            if (ok) {
                valid.add(new ValidatedInput.ValidRow(row.line(), student, score, row.comment()));
            }
        }
        valid.removeIf(row -> duplicated.contains(row.student().studentId()));
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new ValidatedInput(valid, problems);
    }

    private static String notFound(String key, Map<String, String> elsewhere) {
        String cohort = elsewhere.get(normal(key));
        if (cohort == null) {
            return Messages.text("messages.input.unknownStudent", key);
        }
        return cohort.isEmpty()
                ? Messages.text("messages.input.inNoCohort", key)
                : Messages.text("messages.input.inOtherCohort", key, cohort);
    }

    /** Student numbers compare case-insensitively, e-mail addresses too. */
    public static String normal(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }
}
