package org.registrar.assessments.input;

/**
 * One row of input (a CSV line, a pasted line): the line it came from, the student (number or e-mail), the score
 * text (null: keep the saved one) and the comment (null: keep the saved one; "": clear it). Immutable.
 */
public record InputRow(int line, String student, String score, String comment) {}
