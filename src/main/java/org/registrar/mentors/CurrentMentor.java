package org.registrar.mentors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A student and their current mentor (mentorId null: none), as asked before moving them. Immutable. */
record CurrentMentor(long studentId, String studentName, Long mentorId, String mentorName) {
    /**
     * The question to ask before assigning {@code students} to {@code target}, naming the mentors they would leave;
     * null when none of them has another mentor (nobody is moved, so nothing to ask).
     */
    static String moveQuestion(List<CurrentMentor> students, Mentor target) {
        List<CurrentMentor> moving = students.stream()
                .filter(student -> student.mentorId() != null && student.mentorId() != target.id())
                .toList();
        if (moving.isEmpty()) {
            return null;
        }
        if (moving.size() == 1 && students.size() == 1) {
            CurrentMentor student = moving.get(0);
            return student.studentName() + " already has a mentor: " + student.mentorName() + ". Move "
                    + student.studentName() + " from " + student.mentorName() + " to " + target.displayName() + "?";
        }
        Map<String, Integer> byMentor = new TreeMap<>();
        moving.forEach(student -> byMentor.merge(student.mentorName(), 1, Integer::sum));
        StringBuilder current = new StringBuilder();
        byMentor.forEach((name, count) -> current.append(current.isEmpty() ? "" : "; ")
                .append(name)
                .append(": ")
                .append(count));
        return moving.size() + " of the " + students.size() + " students already have another mentor (" + current
                + "). Move them to " + target.displayName() + "?";
    }
}
