package org.registrar.ui;

import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * A class (cohort) picker as a field to type into: what is typed asks the server (after a short pause) for the first
 * classes whose name starts with it, shown in a list below with the fixed first entry (if any, "Any class") and, when
 * the list was cut, how many more to narrow by typing. Up and Down move in the list, Enter (or a click) picks, Escape
 * closes it and shows the class picked again; the arrow beside the field ({@link PickerArrow}), Alt+Down or F4 open
 * it. ControlsFX's SearchableComboBox and AutoCompletionBinding filter a list held in memory or ask on their own
 * thread, so neither fits a list that only the server holds (ADR 0069, 0072). Shared by the Students filter, the
 * Assessments screen and the Reports screen (ADR 0073). FX thread only.
 *
 * @param <T> what is picked (a class with what the screen needs of it)
 */
public final class ClassPicker<T> {
    /** The pause after the last key before the server is asked (fast typists send one request, not one a key). */
    public static final Duration TYPING_DELAY = Duration.millis(200);

    private static final int VISIBLE_ROWS = 10;

    private final TextField field;
    private final T any;
    private final StringConverter<T> names;
    private final Consumer<String> find;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final ListView<T> list = new ListView<>(shown);
    private final Label hint = new Label();
    private final Popup popup = new Popup();
    private final PauseTransition typing = new PauseTransition(TYPING_DELAY);
    private final ObjectProperty<T> value = new SimpleObjectProperty<>();
    private final PickerArrow arrow;
    private Runnable onPicked = () -> {};
    /** True while code sets the field's text (the class picked), so it is not taken as typing. */
    private boolean settingText;
    /** True once the user changed the text since it last showed the class picked. */
    private boolean userTyped;
    /** True from asking for the classes of a prefix until an answer is shown. */
    private boolean awaiting;
    /** True when Enter came before the answer to what was typed: the answer's first match is picked. */
    private boolean pickOnAnswer;

    /**
     * Puts the field, with an arrow that opens the list, where the field was laid out.
     *
     * @param field the text field laid out on the screen (its label points at it); its words are the caller's
     * @param any the fixed first entry ("Any class"); null when a class must be picked
     * @param names what the field and the list show for an entry (null: nothing picked)
     * @param find asks for the classes starting with a prefix; the answer arrives in {@code matches}
     * @param hintText "N more: keep typing", "None starts with …", or "" (shown under the list)
     */
    public ClassPicker(
            TextField field,
            T any,
            StringConverter<T> names,
            Consumer<String> find,
            ObservableList<T> matches,
            ReadOnlyStringProperty hintText) {
        this.field = field;
        this.any = any;
        this.names = names;
        this.find = find;
        list.setId(field.getId() + "-list");
        list.setFocusTraversable(false);
        list.setSkin(new FittedListSkin<>(list, VISIBLE_ROWS));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(T choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : names.toString(choice));
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                pick(list.getSelectionModel().getSelectedItem());
            }
        });
        hint.setId(field.getId() + "-hint");
        hint.textProperty().bind(hintText);
        hint.managedProperty().bind(hint.textProperty().isEmpty().not());
        hint.visibleProperty().bind(hint.managedProperty());
        hint.setWrapText(true);
        hint.setStyle("-fx-padding: 0 4 2 4;");
        VBox content = new VBox(4, list, hint);
        content.getStyleClass().add("class-picker");
        content.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-padding: 4; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        popup.getContent().add(content);
        popup.setAutoHide(true);
        // Escape is the field's: it closes the list and shows the class picked again
        popup.setHideOnEscape(false);
        popup.setOnAutoHide(event -> showValue());
        matches.addListener((ListChangeListener<T>) change -> showMatches(matches));
        typing.setOnFinished(event -> {
            // the screen may have been left while the pause ran
            if (popup.isShowing()) {
                ask(typed());
            }
        });
        arrow = PickerArrow.beside(field, this::toggle);
        value.set(any);
        showValue();
        wire();
    }

    private void wire() {
        field.textProperty().addListener((obs, old, text) -> {
            if (!settingText) {
                userTyped = true;
                pickOnAnswer = false;
                open();
                typing.playFromStart();
            }
        });
        field.setOnMouseClicked(event -> {
            // a click into the class's name selects it, so what is typed next replaces it
            if (!userTyped) {
                field.selectAll();
            }
            if (!popup.isShowing()) {
                openAndFind();
            }
        });
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                field.selectAll();
            } else {
                close();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent event) {
        KeyCode code = event.getCode();
        if ((code == KeyCode.DOWN || code == KeyCode.UP) && event.isAltDown()) {
            // as a combo box: Alt+Down opens the list, Alt+Up closes it
            if (code == KeyCode.DOWN && !popup.isShowing()) {
                openAndFind();
            } else if (code == KeyCode.UP) {
                close();
            }
            event.consume();
        } else if (code == KeyCode.DOWN || code == KeyCode.UP) {
            if (!popup.isShowing()) {
                openAndFind();
            } else {
                move(code == KeyCode.DOWN ? 1 : -1);
            }
            event.consume();
        } else if (code == KeyCode.F4) {
            toggle();
            event.consume();
        } else if (code == KeyCode.ENTER && popup.isShowing()) {
            enter();
            event.consume();
        } else if (code == KeyCode.ESCAPE && popup.isShowing()) {
            close();
            event.consume();
        }
    }

    private void enter() {
        // the list may still answer what was typed before the last keys: pick from the answer to these
        if (typing.getStatus() == Animation.Status.RUNNING) {
            typing.stop();
            pickOnAnswer = true;
            ask(typed());
        } else if (awaiting) {
            pickOnAnswer = true;
        } else {
            pick(list.getSelectionModel().getSelectedItem());
        }
    }

    /** The arrow and F4: opens the list (all classes from the start) or closes it. */
    private void toggle() {
        if (popup.isShowing()) {
            close();
        } else {
            field.requestFocus();
            openAndFind();
        }
    }

    /** What the user typed; "" while the field still shows the class picked. */
    private String typed() {
        return userTyped ? field.getText().strip() : "";
    }

    private void openAndFind() {
        open();
        typing.stop();
        ask(typed());
    }

    /** Asks for the classes starting with {@code prefix}; a kept answer may be shown before this returns. */
    private void ask(String prefix) {
        awaiting = true;
        find.accept(prefix);
    }

    private void open() {
        if (popup.isShowing() || field.getScene() == null || field.getScene().getWindow() == null) {
            return;
        }
        if (shown.isEmpty() && any != null) {
            shown.add(any);
        }
        Bounds bounds = arrow.node().localToScreen(arrow.node().getBoundsInLocal());
        list.setPrefWidth(Math.max(bounds.getWidth(), 240));
        hint.setMaxWidth(list.getPrefWidth());
        sizeList();
        popup.show(field, bounds.getMinX(), bounds.getMaxY());
    }

    private void close() {
        typing.stop();
        pickOnAnswer = false;
        if (popup.isShowing()) {
            popup.hide();
        }
        showValue();
    }

    private void showMatches(ObservableList<T> matches) {
        int first = any == null ? 0 : 1;
        if (any == null) {
            shown.setAll(matches);
        } else {
            shown.setAll(any);
            shown.addAll(matches);
        }
        sizeList();
        // typed: the first match is what Enter picks; opened: the class picked, if it is among them
        int index = !typed().isEmpty() && !matches.isEmpty() ? first : Math.max(0, shown.indexOf(value.get()));
        list.getSelectionModel().select(index);
        list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
        awaiting = false;
        if (pickOnAnswer) {
            pickOnAnswer = false;
            // nothing starts with what was typed: the list stays open with its hint, nothing is picked
            if ((typed().isEmpty() || !matches.isEmpty()) && index < shown.size()) {
                pick(shown.get(index));
            }
        }
    }

    /** The list asks its skin for its height again: as tall as the rows it now holds. */
    private void sizeList() {
        list.requestLayout();
    }

    private void move(int step) {
        int index = list.getSelectionModel().getSelectedIndex() + step;
        if (index >= 0 && index < shown.size()) {
            list.getSelectionModel().select(index);
            list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
        }
    }

    private void pick(T choice) {
        if (choice == null) {
            return;
        }
        value.set(choice);
        close();
        onPicked.run();
    }

    /** The field shows the class picked again (after a pick, Escape or leaving the field). */
    private void showValue() {
        settingText = true;
        try {
            field.setText(names.toString(value.get()));
            if (field.isFocused()) {
                field.selectAll();
            }
        } finally {
            settingText = false;
        }
        userTyped = false;
    }

    /** The class picked (the fixed first entry, or null, for none). */
    public T value() {
        return value.get();
    }

    /** Shows {@code choice} as the class picked, without telling {@link #setOnPicked}. */
    public void show(T choice) {
        value.set(choice == null ? any : choice);
        if (!popup.isShowing()) {
            showValue();
        }
    }

    /** Runs after the user picked a class (perhaps the same again). */
    public void setOnPicked(Runnable action) {
        onPicked = action;
    }

    /** Disables the field and its arrow together (while the screen may not switch classes). */
    public BooleanProperty disableProperty() {
        return arrow.node().disableProperty();
    }

    /** True while the list is open. */
    public boolean isShowing() {
        return popup.isShowing();
    }

    /** Sets the hint under the field shown while nothing is picked, and the field's tooltip. */
    public void describe(String prompt, String tooltip) {
        field.setPromptText(prompt);
        field.setTooltip(new Tooltip(tooltip));
    }
}
