package org.registrar.assessments.grid;

/**
 * One entry of the problems list: its text, and the grid cell it concerns (row null for a pasted or imported line
 * that matched no student of the cohort). Immutable.
 */
public record Issue(String text, GridRow row, GridColumn column) {
    @Override
    public String toString() {
        return text;
    }
}
