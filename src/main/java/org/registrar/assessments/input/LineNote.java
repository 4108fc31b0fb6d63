package org.registrar.assessments.input;

/**
 * A warning about one input line that still reads: it has fewer or more cells than the header. {@code column} is
 * the 1-based cell it concerns (the first missing one, or the first ignored one). Immutable.
 */
public record LineNote(int line, int column, String message) {
    /** "line 4 has 2 cells, the header has 3: the missing comment keeps the saved one" */
    public String describe() {
        return message;
    }
}
