package org.registrar.assessments.grid;

import org.registrar.i18n.Messages;

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

    /** The state's token: its style class ("state-edited") and the key of its words. */
    public String label() {
        return label;
    }

    /** The state as the grid shows it, in the chosen language. */
    public String shown() {
        return switch (this) {
            case UNCHANGED -> Messages.text("grid.state.unchanged");
            case EDITED -> Messages.text("grid.state.edited");
            case SAVED -> Messages.text("grid.state.saved");
            case ERROR -> Messages.text("grid.state.error");
            case CONFLICT -> Messages.text("grid.state.conflict");
        };
    }
}
