package org.registrar.mentors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.registrar.i18n.Messages;

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
            return Messages.text(
                    "messages.mentors.moveOne", student.studentName(), student.mentorName(), target.displayName());
        }
        Map<String, Integer> byMentor = new TreeMap<>();
        moving.forEach(student -> byMentor.merge(student.mentorName(), 1, Integer::sum));
        StringBuilder current = new StringBuilder();
        byMentor.forEach((name, count) -> current.append(current.isEmpty() ? "" : "; ")
                .append(name)
                .append(": ")
                .append(count));
        return Messages.text(
                "messages.mentors.moveMany", moving.size(), students.size(), current.toString(), target.displayName());
    }
}
