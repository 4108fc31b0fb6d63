package org.registrar.ui;

import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.registrar.i18n.Messages;

/**
 * A typed picker's field with an arrow at its right, laid out where the field was, drawn with the theme's combo box
 * styles: it looks like the Status and Mentor drop-downs beside it, so a new user sees that it opens a list. The
 * arrow is not a Tab stop (as a combo box's is not); the keyboard has Alt+Down and F4 in the field. FX thread only.
 */
final class PickerArrow {
    private final HBox box = new HBox();

    private PickerArrow(TextField field, Runnable toggle) {
        Region shape = new Region();
        shape.getStyleClass().add("arrow");
        StackPane button = new StackPane(shape);
        button.getStyleClass().add("arrow-button");
        button.setId(field.getId() + "-arrow");
        Tooltip.install(button, new Tooltip(Messages.text("picker.showList")));
        // pressed, as a combo box opens; a press while the list is open closes it (the list hides on a press outside)
        button.setOnMousePressed(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                toggle.run();
            }
        });
        box.getStyleClass().addAll("combo-box-base", "class-picker-box");
        box.getStylesheets()
                .add(PickerArrow.class.getResource("ClassPicker.css").toExternalForm());
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(field, Priority.ALWAYS);
        box.getChildren().add(button);
    }

    /** Moves {@code field} into a box with the arrow, at the field's place in its parent (if it has one yet). */
    static PickerArrow beside(TextField field, Runnable toggle) {
        PickerArrow arrow = new PickerArrow(field, toggle);
        if (field.getParent() instanceof Pane parent) {
            int at = parent.getChildren().indexOf(field);
            parent.getChildren().remove(at);
            arrow.box.getChildren().add(0, field);
            parent.getChildren().add(at, arrow.box);
        } else {
            arrow.box.getChildren().add(0, field);
        }
        return arrow;
    }

    /** The field and its arrow. */
    HBox node() {
        return box;
    }
}
