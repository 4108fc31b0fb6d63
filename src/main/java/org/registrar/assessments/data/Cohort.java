package org.registrar.assessments.data;

/** A class of students, as the cohort picker shows it. Immutable. */
public record Cohort(long id, String name, int students) {
    @Override
    public String toString() {
        return name;
    }
}
