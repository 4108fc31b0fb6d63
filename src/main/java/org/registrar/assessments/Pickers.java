package org.registrar.assessments;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a picker to what it shows: wide enough for its longest item and its prompt (within bounds), and never
 * narrower than that, so a crowded toolbar wraps instead of shrinking the chosen value to nothing. FX thread only.
 */
final class Pickers {
    /** The arrow button, the cell's padding and the border, beside the text. */
    private static final double CHROME = 56;

    private Pickers() {}

    static void fitToItems(ComboBox<?> picker, double min, double max) {
        Runnable fit = () -> {
            double widest = textWidth(picker.getPromptText());
            for (Object item : picker.getItems()) {
                widest = Math.max(widest, textWidth(String.valueOf(item)));
            }
            picker.setPrefWidth(Math.max(min, Math.min(max, widest + CHROME)));
        };
        picker.getItems().addListener((ListChangeListener<Object>) change -> fit.run());
        picker.itemsProperty().addListener((obs, was, now) -> {
            now.addListener((ListChangeListener<Object>) change -> fit.run());
            fit.run();
        });
        picker.setMinWidth(Region.USE_PREF_SIZE);
        fit.run();
    }

    /** Sizes {@code picker} to the longest of {@code texts} (what its items show now, when a converter names them). */
    static void fitToTexts(ComboBox<?> picker, java.util.List<String> texts) {
        double widest = 0;
        for (String text : texts) {
            widest = Math.max(widest, textWidth(text));
        }
        picker.setMinWidth(Region.USE_PREF_SIZE);
        picker.setPrefWidth(widest + CHROME);
    }

    private static double textWidth(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measured = new Text(text);
        // the theme's font is a little larger than the platform default: measure on the safe side
        measured.setFont(
                Font.font(Font.getDefault().getFamily(), Font.getDefault().getSize() * 1.15));
        return Math.ceil(measured.getLayoutBounds().getWidth());
    }
}
