package org.registrar.app;

import org.registrar.i18n.Messages;

/**
 * Connection settings (saved or given on the command line) that cannot make a usable profile. The message names
 * the problem in the user's words and never repeats a password. Immutable.
 */
final class SettingsProblem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which settings cannot be used, said at the start of the message. */
    enum Where {
        /** Given on the command line. */
        OPTIONS,
        /** The machine-wide settings (the file's values). */
        MACHINE_SETTINGS,
        /** The machine-wide settings file (its lines). */
        MACHINE_FILE,
        /** The user's saved connection. */
        SAVED;

        String words() {
            return switch (this) {
                case OPTIONS -> Messages.text("cli.settings.options");
                case MACHINE_SETTINGS -> Messages.text("cli.settings.machineSettings");
                case MACHINE_FILE -> Messages.text("cli.settings.machineFile");
                case SAVED -> Messages.text("cli.settings.saved");
            };
        }
    }

    SettingsProblem(Where where, IllegalArgumentException reason) {
        super(Messages.text("messages.settings.cannotBeUsed", where.words(), reason.getMessage()), reason);
    }

    /** One line for a terminal. */
    String oneLine() {
        return getMessage().replace('\n', ' ');
    }
}
