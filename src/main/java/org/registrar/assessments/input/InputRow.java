package org.registrar.assessments.input;

/**
 * One row of input (a CSV line, a pasted line): the line it came from, the student (number or e-mail), the score
 * text and the comment (null when the input has no comment column: keep the saved one). Immutable.
 */
public record InputRow(int line, String student, String score, String comment) {}
