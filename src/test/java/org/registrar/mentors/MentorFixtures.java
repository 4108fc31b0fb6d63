package org.registrar.mentors;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Facts read straight from the test database (not through the code under test). */
final class MentorFixtures {
    private MentorFixtures() {}

    static Map<Long, Integer> studentCounts(Jdbi jdbi) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT mentor_id, count(*)::int AS n FROM mentor_assignments GROUP BY 1")
                .map((rs, ctx) -> counts.put(rs.getLong(1), rs.getInt(2)))
                .list());
        return counts;
    }

    static int assigned(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM mentor_assignments")
                .mapTo(Integer.class)
                .one());
    }

    static List<Long> mentorIds(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM mentors m WHERE EXISTS"
                        + " (SELECT FROM mentor_assignments a WHERE a.mentor_id = m.id) ORDER BY id")
                .mapTo(Long.class)
                .list());
    }

    static List<Long> withoutMentor(Jdbi jdbi, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM students s WHERE NOT EXISTS"
                        + " (SELECT FROM mentor_assignments a WHERE a.student_id = s.id) ORDER BY id LIMIT :n")
                .bind("n", limit)
                .mapTo(Long.class)
                .list());
    }

    static List<Long> studentIds(Jdbi jdbi, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM students ORDER BY id LIMIT :n")
                .bind("n", limit)
                .mapTo(Long.class)
                .list());
    }

    /** Students assigned to some mentor other than {@code mentor}: student id to mentor id. */
    static Map<Long, Long> assignedElsewhere(Jdbi jdbi, long mentor, int limit) {
        Map<Long, Long> result = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT student_id, mentor_id FROM mentor_assignments"
                        + " WHERE mentor_id <> :m ORDER BY student_id LIMIT :n")
                .bind("m", mentor)
                .bind("n", limit)
                .map((rs, ctx) -> result.put(rs.getLong(1), rs.getLong(2)))
                .list());
        return result;
    }

    static List<Long> mentorOf(Jdbi jdbi, List<Long> students) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT mentor_id FROM mentor_assignments" + " WHERE student_id = ANY(:ids)")
                .bind("ids", students.stream().mapToLong(Long::longValue).toArray())
                .mapTo(Long.class)
                .list());
    }

    /** A student's latest result as the roster orders them (assessment date, then newest assessment). */
    record Result(long assessmentId, BigDecimal score, int version) {}

    static Result latestResult(Jdbi jdbi, long studentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.assessment_id, r.score, r.version"
                        + " FROM assessment_results r JOIN assessments x ON x.id = r.assessment_id"
                        + " WHERE r.student_id = :s ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1")
                .bind("s", studentId)
                .map((rs, ctx) -> new Result(rs.getLong(1), rs.getBigDecimal(2), rs.getInt(3)))
                .one());
    }
}
