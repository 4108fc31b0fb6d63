package org.registrar.mentors;

import java.util.Set;

/**
 * What one assignment write changed: how many students, and every mentor whose roster it touched (the target
 * and the students' previous mentors), so exactly those cached rosters are dropped. Immutable.
 */
record AssignmentChange(int students, Set<Long> affectedMentors) {
    public AssignmentChange {
        affectedMentors = Set.copyOf(affectedMentors);
    }
}
