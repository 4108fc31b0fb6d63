package org.registrar.students;

/** The filter lists read from the database: classes and mentors, each with the change stamp of its table (V2). */
public enum FilterList {
    COHORTS("cohorts"),
    MENTORS("mentors");

    private final String table;

    FilterList(String table) {
        this.table = table;
    }

    /** The table whose row in change_stamps moves with every committed write to it. */
    String table() {
        return table;
    }
}
