package org.registrar.assessments.history;

import java.time.Instant;

/** A keyset position in history ordered newest first: the next page holds entries strictly before it. */
public record HistoryCursor(Instant changedAt, long id) {}
