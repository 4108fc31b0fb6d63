package org.registrar.students;

import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** First / previous / position / next / last, page size, and the two jumps (page number, name prefix). */
final class StudentPager {
    private static final String JUMP_HINT = "Type a page number and press Enter";
    private final HBox root;
    private final StudentsViewModel model;
    private final BiConsumer<Runnable, Runnable> guard;

    /** @param guard runs an action now, or after the user agreed to drop unsaved edits (else the second one) */
    StudentPager(StudentsViewModel model, BiConsumer<Runnable, Runnable> guard) {
        this.model = model;
        this.guard = guard;
        Button first = button("« First", "page-first", "First page", model::first);
        Button previous = button("◀ Previous", "page-previous", "Previous page (Page Up)", model::previous);
        Button next = button("Next ▶", "page-next", "Next page (Page Down)", model::next);
        Button last = button("Last »", "page-last", "Last page", model::last);
        first.disableProperty().bind(model.hasPreviousProperty().not());
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        next.disableProperty().bind(model.hasNextProperty().not());
        last.disableProperty().bind(model.hasNextProperty().not());
        Label position = new Label();
        position.setId("page-position");
        position.setMinWidth(150);
        position.setAlignment(Pos.CENTER);
        position.textProperty().bind(model.positionProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("students-message");
        message.getStyleClass().add("danger");
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(6, first, previous, position, next, last, busy, message, spacer, pageSize());
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("students-pager");
    }

    private Button button(String text, String id, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.setOnAction(event -> guard.accept(action, () -> {}));
        return button;
    }

    private Node pageSize() {
        ComboBox<Integer> sizes = new ComboBox<>(FXCollections.observableArrayList(StudentsViewModel.PAGE_SIZES));
        sizes.setId("page-size");
        sizes.setValue(model.pageSize());
        sizes.setOnAction(event -> {
            Integer chosen = sizes.getValue();
            if (chosen != null && chosen != model.pageSize()) {
                guard.accept(() -> model.changePageSize(chosen), () -> sizes.setValue(model.pageSize()));
            }
        });
        Label caption = new Label("per page");
        HBox box = new HBox(4, sizes, caption);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The jump fields, shown by the screen next to the search box. */
    static Node jumps(StudentPager pager) {
        HBox box = new HBox(6, pager.pageJump(), pager.nameJump());
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node pageJump() {
        TextField number = new TextField();
        number.setId("jump-page");
        number.setPromptText("Page no.");
        number.setTooltip(new Tooltip(JUMP_HINT));
        number.setPrefColumnCount(5);
        number.setOnAction(event -> model.pageNumber(number.getText())
                .ifPresent(page -> guard.accept(() -> model.jumpToPage(page), () -> {})));
        PseudoClass danger = PseudoClass.getPseudoClass("danger");
        model.jumpProblemProperty().addListener((obs, old, problem) -> {
            number.pseudoClassStateChanged(danger, !problem.isEmpty());
            number.setTooltip(new Tooltip(problem.isEmpty() ? JUMP_HINT : problem));
        });
        return number;
    }

    private Node nameJump() {
        TextField name = new TextField();
        name.setId("jump-name");
        name.setPromptText("Jump to name…");
        name.setTooltip(new javafx.scene.control.Tooltip("Type the start of a family name (e.g. Mü) and press Enter"));
        name.setPrefColumnCount(10);
        name.setOnAction(event -> {
            if (!name.getText().isBlank()) {
                guard.accept(() -> model.jumpToName(name.getText()), () -> {});
            }
        });
        return name;
    }

    HBox root() {
        return root;
    }
}
