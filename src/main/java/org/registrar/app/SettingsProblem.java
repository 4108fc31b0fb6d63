package org.registrar.app;

import org.registrar.i18n.Messages;

/**
 * Connection settings (saved or given on the command line) that cannot make a usable profile. The message names
 * the problem in the user's words and never repeats a password. Immutable.
 */
final class SettingsProblem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SettingsProblem(String where, IllegalArgumentException reason) {
        super(Messages.text("messages.settings.cannotBeUsed", where, reason.getMessage()), reason);
    }

    /** One line for a terminal. */
    String oneLine() {
        return getMessage().replace('\n', ' ');
    }
}
