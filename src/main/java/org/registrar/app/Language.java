package org.registrar.app;

import java.util.Locale;
import java.util.Optional;
import org.registrar.i18n.Messages;
import org.registrar.settings.Key;
import org.registrar.settings.Settings;
import org.registrar.settings.Source;

/**
 * The app's language (setting {@code ui.language}, ADR 0049): one of the shipped languages from the strongest
 * settings layer (ADR 0050), else the system's. Chosen once at start, before any window: a change in the menu is
 * saved for the next start. Immutable.
 *
 * @param tag the chosen language ({@code en}, {@code de}, {@code fr}, {@code es}), or null for the system's
 * @param source the layer it came from
 * @param locked the machine file locks it: the menu cannot change it
 */
record Language(String tag, Source source, boolean locked) {

    /** The language the settings choose; a value that is no shipped language (an edited preference) is ignored. */
    static Language of(Settings settings) {
        Settings.Setting setting = settings.get(Key.UI_LANGUAGE);
        boolean locked = settings.locked().contains(Key.UI_LANGUAGE);
        String value = setting.value();
        if (value == null || Key.UI_LANGUAGE.problemWith(value).isPresent()) {
            return new Language(null, Source.NOT_SET, locked);
        }
        return new Language(value.toLowerCase(Locale.ROOT), setting.source(), locked);
    }

    /** The system's language, not chosen in any layer. */
    static Language system() {
        return new Language(null, Source.NOT_SET, false);
    }

    /** The shipped language in use: the chosen one, else the system's when shipped, else English. */
    String effective() {
        if (tag != null) {
            return tag;
        }
        String system = Locale.getDefault().getLanguage();
        return Key.LANGUAGES.contains(system) ? system : "en";
    }

    /**
     * The locale for messages, dates and numbers: the system's when it speaks the chosen language (de-AT stays
     * de-AT), else the chosen language alone; the system's when none is chosen.
     */
    Locale locale() {
        Locale system = Locale.getDefault();
        if (tag == null || system.getLanguage().equals(tag)) {
            return system;
        }
        return Locale.forLanguageTag(tag);
    }

    /** Makes this the language of everything built from now on: the messages and the default locale. */
    void apply() {
        Locale locale = locale();
        Locale.setDefault(locale);
        Messages.use(locale);
    }

    /** Why {@code value} given as {@code --language} cannot be used; empty when it can. */
    static Optional<String> problemWith(String value) {
        return Key.UI_LANGUAGE.problemWith(value).map(problem -> "--language: " + problem);
    }
}
