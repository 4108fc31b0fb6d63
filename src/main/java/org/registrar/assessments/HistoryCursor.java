package org.registrar.assessments;

import java.time.Instant;

/** A keyset position in history ordered newest first: the next page holds entries strictly before it. */
record HistoryCursor(Instant changedAt, long id) {}
