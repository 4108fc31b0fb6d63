package org.registrar.dialogs;

/**
 * A yes/no question: {@code header} is what is asked, {@code text} the consequences, {@code confirmLabel} and
 * {@code declineLabel} the two answers as buttons ("Discard changes" / "Keep editing"), {@code id} the dialog
 * pane's id so UI tests can find it.
 */
public record Question(String id, String title, String header, String text, String confirmLabel, String declineLabel) {}
