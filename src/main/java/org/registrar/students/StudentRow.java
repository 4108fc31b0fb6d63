package org.registrar.students;

import java.time.OffsetDateTime;

/** One row of the Students table, with its mentor and class joined, and its key under the page's sort. */
public record StudentRow(
        long id,
        String studentNumber,
        String familyName,
        String givenName,
        Long cohortId,
        String cohortName,
        Long mentorId,
        String mentorName,
        String status,
        String email,
        OffsetDateTime updatedAt,
        int version,
        PageKey key) {}
