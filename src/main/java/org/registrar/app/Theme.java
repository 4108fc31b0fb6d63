package org.registrar.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;

/** Light or dark look (AtlantaFX Primer), remembered in the user's preferences. FX thread only. */
enum Theme {
    LIGHT,
    DARK;

    private static final String KEY = "theme";

    static Theme saved() {
        return "DARK".equals(node().get(KEY, "LIGHT")) ? DARK : LIGHT;
    }

    void apply() {
        Application.setUserAgentStylesheet(
                this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        node().put(KEY, name());
    }

    Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    private static Preferences node() {
        return Preferences.userRoot()
                .node(System.getProperty("registrar.prefsNode", "org/registrar/connection") + "/ui");
    }
}
