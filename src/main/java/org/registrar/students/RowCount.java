package org.registrar.students;

import org.registrar.i18n.Messages;

/** How many students match: exact, or a planner estimate. Immutable. */
record RowCount(long value, boolean exact) {
    /** "1,234 students" or "about 1,000,000 students", in the chosen language. */
    public String describe() {
        return exact
                ? Messages.text("messages.students.count", value)
                : Messages.text("messages.students.countAbout", value);
    }
}
