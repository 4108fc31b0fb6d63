package org.registrar.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words people read: one resource bundle ({@value #BUNDLE}, UTF-8 properties files, one per language) for the
 * screens (FXML {@code %key} references), dialogs, messages and the command line's output meant for people. The
 * language is the system's unless {@link #use(Locale)} chose another before the first screen was built.
 */
public final class Messages {
    /** Base name of the bundle: {@code org/registrar/i18n/messages.properties}, {@code messages_de.properties}, … */
    public static final String BUNDLE = "org.registrar.i18n.messages";

    /**
     * A language no one speaks, for tests of layouts: every English text 40% longer and its letters accented
     * ("Save" becomes "[Šåvé·]"), {@code {0}} arguments kept, so a control too tight for German shows here first.
     */
    public static final Locale PSEUDO = Locale.forLanguageTag("en-XA");

    private static volatile Locale locale = Locale.getDefault();

    private Messages() {}

    /** Chooses the language of everything built from now on (the settings' language, or the system's). */
    public static void use(Locale chosen) {
        locale = chosen;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        if (PSEUDO.equals(locale)) {
            return new PseudoBundle(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
        }
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    /**
     * The text of a key in the chosen language, formatted by {@link MessageFormat} in that locale (its {@code {0}}-style
     * arguments, {@code choice} plurals; {@code ''} for an apostrophe).
     */
    public static String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("No text for the key " + key + " in " + BUNDLE, missing);
        }
        // always formatted, so an apostrophe is written '' in every value, with or without arguments
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
