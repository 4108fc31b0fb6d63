package org.registrar.students;

import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * First / previous / position / next / last, page size, and the two jumps (page number, name prefix). Layout in
 * StudentPager.fxml: the pager wraps onto a second line before a button is cut.
 */
final class StudentPager {
    @FXML
    private FlowPane root;

    @FXML
    private HBox jumps;

    @FXML
    private TextField pageJump;

    @FXML
    private TextField nameJump;

    @FXML
    private Button first;

    @FXML
    private Button previous;

    @FXML
    private Button next;

    @FXML
    private Button last;

    @FXML
    private Label position;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private ComboBox<Integer> sizes;

    @FXML
    private Label message;

    private final StudentsViewModel model;
    private final BiConsumer<Runnable, Runnable> guard;

    /** @param guard runs an action now, or after the user agreed to drop unsaved edits (else the second one) */
    StudentPager(StudentsViewModel model, BiConsumer<Runnable, Runnable> guard) {
        this.model = model;
        this.guard = guard;
        Fxml.load(this);
        act(first, model::first);
        act(previous, model::previous);
        act(next, model::next);
        act(last, model::last);
        first.disableProperty().bind(model.hasPreviousProperty().not());
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        next.disableProperty().bind(model.hasNextProperty().not());
        last.disableProperty().bind(model.hasNextProperty().not());
        position.textProperty().bind(model.positionProperty());
        busy.visibleProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        pageSize();
        pageJump();
        nameJump();
    }

    private void act(Button button, Runnable action) {
        button.setOnAction(event -> guard.accept(action, () -> {}));
    }

    private void pageSize() {
        sizes.setItems(FXCollections.observableArrayList(StudentsViewModel.PAGE_SIZES));
        sizes.setValue(model.pageSize());
        sizes.setOnAction(event -> {
            Integer chosen = sizes.getValue();
            if (chosen != null && chosen != model.pageSize()) {
                guard.accept(() -> model.changePageSize(chosen), () -> sizes.setValue(model.pageSize()));
            }
        });
    }

    /** The jump fields, shown by the screen next to the search box. */
    static Node jumps(StudentPager pager) {
        return pager.jumps;
    }

    private void pageJump() {
        String hint = Messages.text("students.jump.page.tooltip");
        pageJump.setTooltip(new Tooltip(hint));
        pageJump.setOnAction(event -> model.pageNumber(pageJump.getText())
                .ifPresent(page -> guard.accept(() -> model.jumpToPage(page), () -> {})));
        PseudoClass danger = PseudoClass.getPseudoClass("danger");
        model.jumpProblemProperty().addListener((obs, old, problem) -> {
            pageJump.pseudoClassStateChanged(danger, !problem.isEmpty());
            pageJump.setTooltip(new Tooltip(problem.isEmpty() ? hint : problem));
        });
    }

    private void nameJump() {
        nameJump.setOnAction(event -> {
            if (!nameJump.getText().isBlank()) {
                guard.accept(() -> model.jumpToName(nameJump.getText()), () -> {});
            }
        });
    }

    FlowPane root() {
        return root;
    }
}
