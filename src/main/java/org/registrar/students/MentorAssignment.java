package org.registrar.students;

import java.util.List;
import java.util.function.Consumer;

/**
 * What "Assign mentor…" on the Students screen does with the selected students: the app wires it to the mentors
 * feature (which this package does not know), handing over ids only. Called on the FX thread; must not block.
 */
@FunctionalInterface
public interface MentorAssignment {
    /**
     * Lets the user choose a mentor for {@code studentIds}; {@code assigned} is told, with a sentence for the user,
     * once the assignment is stored (never when the user cancelled).
     */
    void choose(List<Long> studentIds, Consumer<String> assigned);
}
