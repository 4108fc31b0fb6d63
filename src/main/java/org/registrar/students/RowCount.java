package org.registrar.students;

/** How many students match: exact, or a planner estimate. Immutable. */
record RowCount(long value, boolean exact) {
    /** "1,234 students" or "about 1,000,000 students". */
    public String describe() {
        String number = String.format("%,d", value);
        String noun = value == 1 ? " student" : " students";
        return exact ? number + noun : "about " + number + noun;
    }
}
