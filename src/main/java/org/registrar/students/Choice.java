package org.registrar.students;

/** An id with the text a filter list shows for it (a class, a mentor). Immutable. */
public record Choice(long id, String label) {
    @Override
    public String toString() {
        return label;
    }
}
