package org.registrar.students;

/** A sort key and its direction. Immutable. */
public record StudentOrder(StudentSort sort, boolean ascending) {
    public static final StudentOrder DEFAULT = new StudentOrder(StudentSort.NAME, true);

    /** The same keys the other way round: "last page" is the first page of the reversed order. */
    StudentOrder reversed() {
        return new StudentOrder(sort, !ascending);
    }
}
