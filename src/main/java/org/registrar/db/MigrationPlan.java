package org.registrar.db;

import java.util.List;

/**
 * What migrating the database would do, read without changing anything: the schema version it has, the newest
 * this app knows, the migrations still to apply in order, and the recorded checksums of earlier texts that the
 * one known repair would set to the shipped files' (ADR 0032). Immutable.
 *
 * @param current the newest applied schema version, or "none" for an empty database
 * @param newest the newest schema version this app ships
 * @param pending the migrations to apply, oldest first (a new database starts with the baseline)
 * @param corrections the applied migrations whose recorded checksum would be realigned, e.g. "V53 (text of 497ce70)"
 */
public record MigrationPlan(String current, String newest, List<Step> pending, List<String> corrections) {
    public MigrationPlan {
        pending = List.copyOf(pending);
        corrections = List.copyOf(corrections);
    }

    /**
     * One migration.
     *
     * @param name "V65" or "B64" (baseline)
     * @param description Flyway's description, from the file name ("mentors maintained summaries")
     * @param millis how long it took to apply, or -1 when not applied
     */
    public record Step(String name, String description, int millis) {}

    public boolean upToDate() {
        return pending.isEmpty() && corrections.isEmpty();
    }
}
