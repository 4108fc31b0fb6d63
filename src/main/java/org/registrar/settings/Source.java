package org.registrar.settings;

import org.registrar.i18n.Messages;

/** Where an effective setting came from, strongest first (ADR 0050). */
public enum Source {
    COMMAND_LINE,
    MACHINE_LOCKED,
    USER,
    MACHINE_DEFAULT,
    BUILT_IN,
    NOT_SET;

    /** As doctor prints it, in the chosen language. */
    public String words() {
        return switch (this) {
            case COMMAND_LINE -> Messages.text("connection.source.commandLine");
            case MACHINE_LOCKED -> Messages.text("connection.source.machineLocked");
            case USER -> Messages.text("connection.source.user");
            case MACHINE_DEFAULT -> Messages.text("connection.source.machineDefault");
            case BUILT_IN -> Messages.text("connection.source.builtIn");
            case NOT_SET -> Messages.text("connection.source.notSet");
        };
    }
}
