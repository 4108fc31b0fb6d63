package org.registrar.i18n;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;

/** The pseudo-locale's texts ({@link Messages#PSEUDO}): the English ones, accented and 40% longer. */
final class PseudoBundle extends ResourceBundle {
    private static final String PLAIN = "AaCcEeIiNnOoSsUuYyZz";
    private static final String ACCENTED = "ÅåÇçÉéÎîÑñÖöŠšÜüÝýŽž";

    private final ResourceBundle english;

    PseudoBundle(ResourceBundle english) {
        this.english = english;
    }

    @Override
    protected Object handleGetObject(String key) {
        return english.containsKey(key) ? pseudo(english.getString(key)) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(english.keySet());
    }

    /** Accents letters outside {@code {…}} arguments and pads to 140% of the length, in brackets. */
    static String pseudo(String text) {
        StringBuilder out = new StringBuilder("[");
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            int plain = depth == 0 ? PLAIN.indexOf(c) : -1;
            out.append(plain >= 0 ? ACCENTED.charAt(plain) : c);
        }
        int padding = Math.max(1, (int) Math.ceil(text.length() * 0.4) - 2);
        out.append("·".repeat(padding)).append(']');
        return out.toString();
    }
}
