package org.registrar.assessments;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.registrar.assessments.grid.GridTable;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.grid.RowState;

/**
 * Right of the grid: the problems list (click one to jump to its cell), conflict choices, and the review of what a
 * save overwrites before it is confirmed. Also owns the save buttons. FX thread only.
 */
final class SidePanel {
    static final String NOTHING_TO_FIX = "Nothing to fix. Scores that cannot be saved, and pasted or imported lines"
            + " that match no student, are listed here: click one to go to its cell.";

    private final BulkEntryViewModel model;
    private final GridTable grid;
    private final VBox panel = new VBox(8);
    private final VBox review = new VBox(8);
    /** Which button the review shown answers: Save valid rows (true) or Save. */
    private boolean reviewedValidOnly;

    private final ListView<String> changes = BulkEntryView.list("review-list");

    SidePanel(BulkEntryViewModel model, GridTable grid) {
        this.model = model;
        this.grid = grid;
        Label heading = new Label();
        heading.getStyleClass().add("title-4");
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.problems().isEmpty()
                                ? "No problems"
                                : "Problems (" + model.problems().size() + ")",
                        model.problems()));
        ListView<Issue> problems = BulkEntryView.list("problems-list");
        problems.setItems(model.problems());
        problems.setPlaceholder(placeholder());
        problems.getSelectionModel().selectedItemProperty().addListener((obs, was, issue) -> {
            if (issue != null && issue.row() != null) {
                // after the list has taken the focus for its own click
                javafx.application.Platform.runLater(() -> grid.select(issue.row(), issue.column()));
            }
        });
        VBox.setVgrow(problems, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss unmatched lines");
        dismiss.setOnAction(event -> model.grid().dismissInputProblems());
        Button keepMine = new Button("Keep mine");
        keepMine.setId("keep-mine");
        keepMine.setOnAction(event -> model.resolveConflicts(grid.selectedConflictRows(), true));
        Button takeTheirs = new Button("Take theirs");
        takeTheirs.setId("take-theirs");
        takeTheirs.setOnAction(event -> model.resolveConflicts(grid.selectedConflictRows(), false));
        Label conflictHint = new Label("For rows in conflict (select them):");
        conflictHint.getStyleClass().add("text-muted");
        HBox conflictButtons = new HBox(6, keepMine, takeTheirs);
        var unmatched = Bindings.createBooleanBinding(
                () -> model.problems().stream().anyMatch(issue -> issue.row() == null), model.problems());
        var conflicts = Bindings.createBooleanBinding(
                () -> model.problems().stream()
                        .anyMatch(issue -> issue.row() != null
                                && issue.row().stateProperty().get() == RowState.CONFLICT),
                model.problems());
        showWhen(dismiss, unmatched);
        showWhen(conflictHint, conflicts);
        showWhen(conflictButtons, conflicts);
        panel.getChildren().addAll(heading, problems, dismiss, conflictHint, conflictButtons, reviewPane());
        panel.setPrefWidth(300);
        panel.getStyleClass().add("side-panel");
    }

    /** What the empty problems list says: that nothing needs fixing, and what would be listed here. */
    private static Label placeholder() {
        Label empty = new Label(NOTHING_TO_FIX);
        empty.setId("problems-placeholder");
        empty.setWrapText(true);
        empty.setMaxWidth(260);
        empty.getStyleClass().add("text-muted");
        return empty;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private VBox reviewPane() {
        Label title = new Label("Overwrite saved scores?");
        title.getStyleClass().add("title-4");
        Button confirm = new Button("Save these changes");
        confirm.setId("confirm-save");
        confirm.getStyleClass().add("accent");
        confirm.setOnAction(event -> {
            hideReview();
            model.save(reviewedValidOnly);
        });
        Button back = new Button("Back");
        back.setOnAction(event -> {
            hideReview();
            model.unsaved().forgetSave();
        });
        changes.setPrefHeight(220);
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox.setVgrow(review, Priority.ALWAYS);
        review.getChildren().addAll(title, changes, new HBox(6, confirm, back));
        hideReview();
        return review;
    }

    private void hideReview() {
        review.setVisible(false);
        review.setManaged(false);
    }

    /** "Save valid rows" and "Save": a save that overwrites saved scores shows the review first. */
    Node saveButtons() {
        Button validOnly = new Button("Save valid rows");
        validOnly.setId("save-valid");
        validOnly.setOnAction(event -> saveOrReview(true));
        Button save = new Button("Save");
        save.setId("save");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> saveOrReview(false));
        validOnly
                .disableProperty()
                .bind(model.busyProperty().or(model.canWriteResultsProperty().not()));
        save.disableProperty()
                .bind(model.busyProperty().or(model.canWriteResultsProperty().not()));
        HBox buttons = new HBox(
                6,
                NotPermitted.explain(validOnly, model.canWriteResultsProperty(), "enter assessment results"),
                NotPermitted.explain(save, model.canWriteResultsProperty(), "enter assessment results"));
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    void saveOrReview(boolean validOnly) {
        model.saveOrReview(validOnly, pending -> {
            reviewedValidOnly = validOnly;
            changes.getItems().setAll(pending);
            review.setVisible(true);
            review.setManaged(true);
        });
    }

    Node node() {
        return panel;
    }
}
