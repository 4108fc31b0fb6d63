package org.registrar.students;

import java.util.List;
import javafx.util.StringConverter;
import org.registrar.i18n.Messages;

/** The stored student status values and the words a user reads for them ("on_leave" reads "on leave"). */
final class StatusNames {
    /** The values the database accepts (students_status_known), in the order the lists offer them. */
    static final List<String> VALUES = List.of("active", "on_leave", "graduated", "withdrawn");

    private StatusNames() {}

    /** "on leave" for "on_leave" (in the chosen language); empty for null; an unknown value with spaces for "_". */
    static String label(String value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case "active" -> Messages.text("messages.studentStatus.active");
            case "on_leave" -> Messages.text("messages.studentStatus.onLeave");
            case "graduated" -> Messages.text("messages.studentStatus.graduated");
            case "withdrawn" -> Messages.text("messages.studentStatus.withdrawn");
            default -> value.replace('_', ' ');
        };
    }

    /** Shows stored values as their labels in a combo box; any other item (e.g. "Any status") as it is. */
    static StringConverter<String> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                return VALUES.contains(value) ? label(value) : value;
            }

            @Override
            public String fromString(String text) {
                return VALUES.stream()
                        .filter(value -> label(value).equals(text))
                        .findFirst()
                        .orElse(text);
            }
        };
    }
}
