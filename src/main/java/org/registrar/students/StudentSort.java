package org.registrar.students;

import java.util.List;
import org.registrar.i18n.Messages;

/**
 * The whitelist of server-side sort orders. Each is a list of key expressions ending in a unique key, served by
 * one btree index, so a keyset page is an index range scan whatever its depth. User text never becomes SQL: the
 * expressions are constants here.
 */
enum StudentSort {
    /** Folded "family given" (accent- and case-insensitive, C collation), then id: students_search_key_id_idx. */
    NAME("start.sort.family-name", List.of(Key.text("s.search_key"), Key.number("s.id"))),
    /** Folded "given family", then id: students_given_key_id_idx (V10). */
    GIVEN_NAME(
            "start.sort.given-name",
            List.of(
                    Key.text("(registrar_fold(s.given_name || ' ' || s.family_name) COLLATE \"C\")"),
                    Key.number("s.id"))),
    /** The unique student number is its own tie-break: students_student_number_key. */
    STUDENT_NUMBER("start.sort.student-number", List.of(Key.text("s.student_number"))),
    /** Class id (no class last), then name, then id: students_cohort_key_search_key_id_idx (V10). */
    COHORT(
            "start.sort.cohort",
            List.of(
                    Key.number("COALESCE(s.cohort_id, 9223372036854775807)"),
                    Key.text("s.search_key"),
                    Key.number("s.id"))),
    /** Last change, then id: students_updated_at_id_idx. */
    UPDATED("start.sort.updated", List.of(Key.timestamp("s.updated_at"), Key.number("s.id")));

    private final String label;
    private final List<Key> keys;

    StudentSort(String label, List<Key> keys) {
        this.label = label;
        this.keys = keys;
    }

    public String label() {
        return Messages.text(label);
    }

    List<Key> keys() {
        return keys;
    }

    /** One key column: its SQL expression and the Java type its value is read and bound as. */
    record Key(String expression, Class<?> type) {
        /**
         * The bound value {@code :parameter} as a sub-select the planner cannot see into ("(SELECT CAST(:key0 AS
         * text))"), cast to the key's type since a sub-select gives the parameter no column to take it from.
         */
        String hiddenValue(String parameter) {
            String select;
            if (type == String.class) {
                select = "SELECT CAST(:%s AS text)";
            } else if (type == Long.class) {
                select = "SELECT CAST(:%s AS bigint)";
            } else {
                select = "SELECT CAST(:%s AS timestamptz)";
            }
            return "(" + String.format(select, parameter) + ")";
        }

        static Key text(String expression) {
            return new Key(expression, String.class);
        }

        static Key number(String expression) {
            return new Key(expression, Long.class);
        }

        static Key timestamp(String expression) {
            return new Key(expression, java.time.OffsetDateTime.class);
        }
    }
}
