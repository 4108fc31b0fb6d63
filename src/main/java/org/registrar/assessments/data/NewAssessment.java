package org.registrar.assessments.data;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An assessment to create in the same transaction as its first results. Immutable. */
public record NewAssessment(long cohortId, String title, String subject, BigDecimal maxScore, LocalDate assessedOn) {}
