package org.registrar.assessments.grid;

/** Where a grid row stands. */
public enum RowState {
    UNCHANGED("unchanged"),
    EDITED("edited"),
    SAVED("saved"),
    ERROR("error"),
    CONFLICT("conflict");

    private final String label;

    RowState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
