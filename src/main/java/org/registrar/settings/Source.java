package org.registrar.settings;

/** Where an effective setting came from, strongest first (ADR 0050). */
public enum Source {
    COMMAND_LINE("command line"),
    MACHINE_LOCKED("machine file (locked)"),
    USER("user"),
    MACHINE_DEFAULT("machine default"),
    BUILT_IN("built-in"),
    NOT_SET("not set");

    private final String words;

    Source(String words) {
        this.words = words;
    }

    /** As doctor prints it. */
    public String words() {
        return words;
    }
}
