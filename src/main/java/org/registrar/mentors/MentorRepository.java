package org.registrar.mentors;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.registrar.db.StorableText;

/**
 * Mentors, their rosters and their assignments in PostgreSQL. Every method is one statement; writes record who
 * (the login, {@code session_user}: the database refuses any other name, V61) and when, and ledger themselves in {@code saved_batches}. Blocking:
 * never call on the FX thread. Thread-safe (stateless over a thread-safe {@link Jdbi}).
 */
public final class MentorRepository {
    /** Students per roster page; a typical mentor's whole roster fits in one. */
    public static final int PAGE_SIZE = 200;

    private final Jdbi jdbi;

    public MentorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Every mentor with student count, first cohorts, number of cohorts and last change: one statement over the
     * maintained summaries. Blocking.
     */
    public List<Mentor> mentors() {
        return jdbi.withHandle(handle -> handle.createQuery(MentorSql.MENTORS)
                .map(MentorRepository::mentor)
                .list());
    }

    /**
     * The ids of the mentors with a student in the class named {@code cohortName} (compared ignoring case; none
     * when no class has that name): one indexed statement. Blocking.
     */
    public Set<Long> mentorsInCohort(String cohortName) {
        return Set.copyOf(jdbi.withHandle(handle -> handle.createQuery(MentorSql.MENTORS_IN_COHORT)
                .bind("name", cohortName.strip())
                .mapTo(Long.class)
                .list()));
    }

    /** A page of a mentor's students ordered by name, after {@code after} (null for the first). Blocking. */
    public RosterPage roster(long mentorId, PageKey after, int limit) {
        PageKey from = after == null ? new PageKey("", 0) : after;
        List<RosterEntry> rows = jdbi.withHandle(handle -> handle.createQuery(MentorSql.ROSTER)
                .bind("mentor", mentorId)
                .bind("afterKey", from.searchKey())
                .bind("afterId", from.id())
                .bind("limit", limit + 1)
                .map(MentorRepository::entry)
                .list());
        return page(rows, limit);
    }

    /**
     * Students whose name starts with {@code query}, whose number is {@code query}, or who are in the cohort named
     * {@code query}; a blank query matches everyone. Blocking.
     */
    public RosterPage candidates(String query, boolean withoutMentorOnly, PageKey after, int limit) {
        PageKey from = after == null ? new PageKey("", 0) : after;
        String text = query == null ? "" : StorableText.forSearch(query).strip();
        String sql = MentorSql.candidates(!text.isEmpty(), withoutMentorOnly);
        List<RosterEntry> rows = jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("prefix", escapeLike(text))
                .bind("exact", text)
                .bind("afterKey", from.searchKey())
                .bind("afterId", from.id())
                .bind("limit", limit + 1)
                .map(MentorRepository::entry)
                .list());
        return page(rows, limit);
    }

    /** How many students have no mentor. Blocking. */
    public long countWithoutMentor() {
        return jdbi.withHandle(handle -> handle.createQuery(MentorSql.COUNT_WITHOUT_MENTOR)
                .mapTo(Long.class)
                .one());
    }

    /**
     * Assigns {@code studentIds} to {@code mentorId} in one statement (students already with that mentor keep
     * their record). {@code batch} makes a retry apply once. Blocking.
     */
    public AssignmentChange assign(Collection<Long> studentIds, long mentorId, UUID batch) {
        return jdbi.withHandle(handle -> handle.createQuery(MentorSql.ASSIGN)
                .bind("batch", batch)
                .bind("ids", ids(studentIds))
                .bind("mentor", mentorId)
                .map((rs, ctx) -> change(rs, mentorId))
                .one());
    }

    /** The current mentor of each of {@code studentIds}, in one statement. Blocking. */
    public List<CurrentMentor> currentMentors(Collection<Long> studentIds) {
        return jdbi.withHandle(handle -> handle.createQuery(MentorSql.CURRENT_MENTORS)
                .bind("ids", ids(studentIds))
                .map((rs, ctx) -> new CurrentMentor(
                        rs.getLong("student_id"),
                        rs.getString("student_name"),
                        rs.getObject("mentor_id") == null ? null : rs.getLong("mentor_id"),
                        rs.getString("mentor_name")))
                .list());
    }

    /** Removes the mentor of {@code studentIds} in one statement. Blocking. */
    public AssignmentChange unassign(Collection<Long> studentIds, UUID batch) {
        return jdbi.withHandle(handle -> handle.createQuery(MentorSql.UNASSIGN)
                .bind("batch", batch)
                .bind("ids", ids(studentIds))
                .map((rs, ctx) -> change(rs, null))
                .one());
    }

    /** Moves every student of {@code fromMentor} to {@code toMentor} in one statement. Blocking. */
    public AssignmentChange moveAll(long fromMentor, long toMentor, UUID batch) {
        if (fromMentor == toMentor) {
            throw new IllegalArgumentException("A mentor's students cannot move to the same mentor");
        }
        int moved = jdbi.withHandle(handle -> handle.createQuery(MentorSql.MOVE_ALL)
                .bind("batch", batch)
                .bind("from", fromMentor)
                .bind("to", toMentor)
                .mapTo(Integer.class)
                .one());
        return new AssignmentChange(moved, Set.of(fromMentor, toMentor));
    }

    /** Renames a mentor (admins only; the database refuses others). Returns false if the mentor is gone. */
    public boolean rename(long mentorId, String familyName, String givenName) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE mentors SET family_name = :family, given_name = :given WHERE id = :id")
                        .bind("family", familyName.strip())
                        .bind("given", givenName.strip())
                        .bind("id", mentorId)
                        .execute())
                == 1;
    }

    /** Activates or deactivates a mentor (admins only). Returns false if the mentor is gone. Blocking. */
    public boolean setActive(long mentorId, boolean active) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE mentors SET active = :active WHERE id = :id")
                        .bind("active", active)
                        .bind("id", mentorId)
                        .execute())
                == 1;
    }

    private static long[] ids(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            throw new IllegalArgumentException("No students chosen");
        }
        return studentIds.stream().mapToLong(Long::longValue).toArray();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static RosterPage page(List<RosterEntry> rows, int limit) {
        if (rows.size() <= limit) {
            return new RosterPage(rows, null);
        }
        List<RosterEntry> shown = rows.subList(0, limit);
        return new RosterPage(shown, shown.get(limit - 1).key());
    }

    private static AssignmentChange change(ResultSet rs, Long target) throws SQLException {
        Set<Long> affected = new HashSet<>(longs(rs.getArray("previous")));
        if (target != null) {
            affected.add(target);
        }
        return new AssignmentChange(rs.getInt("students"), affected);
    }

    private static Mentor mentor(ResultSet rs, StatementContext context) throws SQLException {
        Array cohorts = rs.getArray("first_cohorts");
        Timestamp lastChange = rs.getTimestamp("last_change");
        return new Mentor(
                rs.getLong("id"),
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("email"),
                rs.getBoolean("active"),
                rs.getInt("students"),
                Arrays.asList((String[]) cohorts.getArray()),
                rs.getInt("cohort_count"),
                lastChange.toInstant());
    }

    private static RosterEntry entry(ResultSet rs, StatementContext context) throws SQLException {
        long mentorId = rs.getLong("mentor_id");
        boolean hasMentor = !rs.wasNull();
        Timestamp assignedAt = rs.getTimestamp("assigned_at");
        java.sql.Date latestOn = rs.getDate("latest_on");
        return new RosterEntry(
                rs.getLong("student_id"),
                rs.getString("student_number"),
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("search_key"),
                rs.getString("cohort") == null ? "" : rs.getString("cohort"),
                hasMentor ? mentorId : null,
                hasMentor ? rs.getString("mentor_name") : "",
                rs.getString("assigned_by"),
                assignedAt == null ? null : assignedAt.toInstant(),
                rs.getString("latest_title"),
                rs.getBigDecimal("latest_score"),
                rs.getBigDecimal("latest_max"),
                rs.getBoolean("latest_excused"),
                latestOn == null ? null : latestOn.toLocalDate());
    }

    private static List<Long> longs(Array array) throws SQLException {
        List<Long> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
