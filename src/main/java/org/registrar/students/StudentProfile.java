package org.registrar.students;

import java.time.OffsetDateTime;

/** A student's profile as stored, with the version it was read at (for optimistic concurrency). Immutable. */
public record StudentProfile(
        long id,
        String studentNumber,
        String familyName,
        String givenName,
        String email,
        String status,
        String cohortName,
        String mentorName,
        String mentorEmail,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {}
