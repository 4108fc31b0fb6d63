package org.registrar.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.registrar.i18n.Messages;

/**
 * Loads a view's static layout by convention (ADR 0045): for a class {@code org.registrar.x.FooView} the layout is
 * {@code org/registrar/x/FooView.fxml} and, when present, its style sheet {@code org/registrar/x/FooView.css}. The
 * view object is the FXML controller (its {@code @FXML} fields are filled, no {@code fx:controller} in the file) and
 * {@code %key} strings come from {@link Messages#bundle()}. Dynamic parts (the grid, the charts) stay in code.
 */
public final class Fxml {
    private Fxml() {}

    public static <T extends Parent> T load(Object view) {
        return load(view, view.getClass());
    }

    /** Loads the layout named after {@code named} (for a view built by a static factory rather than an instance). */
    public static <T extends Parent> T load(Object controller, Class<?> named) {
        String name = named.getSimpleName();
        URL layout = named.getResource(name + ".fxml");
        if (layout == null) {
            throw new IllegalStateException("No layout " + name + ".fxml beside " + named.getName());
        }
        FXMLLoader loader = new FXMLLoader(layout, new Formatted(Messages.bundle()));
        loader.setController(controller);
        T root;
        try {
            root = loader.load();
        } catch (IOException error) {
            throw new UncheckedIOException("The layout " + layout + " could not be read", error);
        }
        URL style = named.getResource(name + ".css");
        if (style != null) {
            root.getStylesheets().add(style.toExternalForm());
        }
        return root;
    }

    /**
     * The bundle as {@code %key} shows it: each value read through {@link MessageFormat} as {@link Messages#text}
     * reads it, so {@code ''} is one apostrophe in a layout as in code.
     */
    private static final class Formatted extends ResourceBundle {
        private final ResourceBundle words;

        Formatted(ResourceBundle words) {
            this.words = words;
        }

        @Override
        protected Object handleGetObject(String key) {
            return words.containsKey(key)
                    ? new MessageFormat(words.getString(key), Messages.locale()).format(new Object[0])
                    : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return words.getKeys();
        }
    }
}
