package org.registrar.students;

import java.util.List;

/** What the detail pane shows: the profile and the most recent results. Immutable. */
public record StudentDetail(StudentProfile profile, List<ResultLine> recentResults) {
    public StudentDetail {
        recentResults = List.copyOf(recentResults);
    }
}
