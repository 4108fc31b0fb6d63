package org.registrar.db;

/**
 * What PostgreSQL text can hold: any Unicode except NUL (code 0), which the driver and the server refuse. Entered
 * text is checked here so the user hears which field is wrong instead of a driver error; search text simply drops
 * NUL (no stored text can contain one). Pure and thread-safe.
 */
public final class StorableText {
    private StorableText() {}

    /** True when the text (null counts as storable) can be stored as PostgreSQL text. */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

    /** Search text with any NUL dropped. */
    public static String forSearch(String text) {
        return text == null ? null : text.replace("\0", "");
    }
}
