package org.registrar.assessments.data;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.registrar.db.ClassPrefix;

/**
 * The Assessments class picker's reads: the first classes whose name starts with what was typed, each with its
 * number of students, and one class by id (a waiting draft's). At a million students the whole list is 35,715
 * classes, so it is never read for the picker (ADR 0072). Every method blocks on the database: never call it on the
 * FX thread. Thread-safe.
 */
public final class CohortFinder {
    /** Classes shown for a prefix: enough to pick from, few enough to send at once. */
    public static final int SHOWN = 100;
    /** Matches counted for the "N more" hint; beyond it the hint says "more than". */
    public static final int COUNTED = 1000;

    /** The first matches in folded-name order, each with its size as V73's triggers keep it. */
    static final String STARTING_WITH = "SELECT m.id, m.name, coalesce(z.students, 0) AS students, m.matched"
            + " FROM (" + ClassPrefix.FIRST_MATCHES + ") m"
            + " LEFT JOIN cohort_sizes z ON z.cohort_id = m.id"
            + " ORDER BY m.folded, m.id";

    static final String BY_ID = "SELECT c.id, c.name, coalesce(z.students, 0) AS students"
            + " FROM cohorts c LEFT JOIN cohort_sizes z ON z.cohort_id = c.id WHERE c.id = :id";

    private final Jdbi jdbi;

    public CohortFinder(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The first {@link #SHOWN} classes whose name starts with {@code typed} (case and accents ignored). */
    public Matches startingWith(String typed) {
        long[] matched = {0};
        List<Cohort> cohorts = jdbi.withHandle(handle -> handle.createQuery(STARTING_WITH)
                .bind("typed", typed == null ? "" : typed.strip())
                .bind("counted", COUNTED)
                .bind("shown", SHOWN)
                .map((rows, context) -> {
                    matched[0] = rows.getLong("matched");
                    return new Cohort(rows.getLong("id"), rows.getString("name"), rows.getInt("students"));
                })
                .list());
        return new Matches(cohorts, matched[0], matched[0] >= COUNTED);
    }

    /** The class with this id; empty when it was deleted. */
    public Optional<Cohort> byId(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(BY_ID)
                .bind("id", id)
                .map((rows, context) -> new Cohort(rows.getLong("id"), rows.getString("name"), rows.getInt("students")))
                .findOne());
    }

    /**
     * The classes shown for a prefix and how many matched in all: exactly {@code matched}, or at least that many
     * when {@code atLeast}. Immutable.
     */
    public record Matches(List<Cohort> cohorts, long matched, boolean atLeast) {
        public Matches {
            cohorts = List.copyOf(cohorts);
        }

        /** How many matched but are not shown (the list was cut); 0 when every match is shown. */
        public long more() {
            return Math.max(0, matched - cohorts.size());
        }
    }
}
