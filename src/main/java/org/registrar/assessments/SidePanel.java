package org.registrar.assessments;

import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.assessments.grid.GridTable;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.grid.RowState;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * Right of the grid: the problems list (click one to jump to its cell), conflict choices, and the review of what a
 * save overwrites before it is confirmed (layout: SidePanel.fxml). Also owns the save buttons and the toggle that
 * hides the panel (remembered for this OS account). FX thread only.
 */
final class SidePanel {
    private static final double PREFERRED_WIDTH = 320;
    private static final double NARROWEST = 180;
    /** Share of the screen's width the panel takes between its bounds: the grid comes first. */
    private static final double SHARE = 0.22;
    /** The preference that says whether the panel is shown, under {@link #habits()}. */
    static final String SHOWN = "sidePanel.shown";

    private final BulkEntryViewModel model;
    private final GridTable grid;
    private final VBox panel;
    private final Preferences habits;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    /** Which button the review shown answers: Save valid rows (true) or Save. */
    private boolean reviewedValidOnly;

    @FXML
    private Label heading;

    @FXML
    private ListView<Issue> problems;

    @FXML
    private Label placeholder;

    @FXML
    private Button dismiss;

    @FXML
    private Label conflictHint;

    @FXML
    private FlowPane conflictButtons;

    @FXML
    private VBox review;

    @FXML
    private ListView<String> changes;

    SidePanel(BulkEntryViewModel model, GridTable grid) {
        this.model = model;
        this.grid = grid;
        this.panel = Fxml.load(this);
        this.habits = habits();
        shown.set(habits.getBoolean(SHOWN, true));
        panel.visibleProperty().bind(shown);
        panel.managedProperty().bind(shown);
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.problems().isEmpty()
                                ? Messages.text("assessments.side.noProblems")
                                : Messages.text(
                                        "assessments.side.problems",
                                        model.problems().size()),
                        model.problems()));
        // in the order the grid shows the rows, so the list reads as the grid does after a sort or a filter
        problems.setItems(grid.order().inShownOrder(model.problems()));
        placeholder.maxWidthProperty().bind(panel.widthProperty().subtract(40));
        problems.getSelectionModel().selectedItemProperty().addListener((obs, was, issue) -> {
            if (issue != null && issue.row() != null) {
                // after the list has taken the focus for its own click
                javafx.application.Platform.runLater(() -> grid.select(issue.row(), issue.column()));
            }
        });
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
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void dismissUnmatched() {
        model.grid().dismissInputProblems();
    }

    @FXML
    private void keepMine() {
        model.resolveConflicts(grid.selectedConflictRows(), true);
    }

    @FXML
    private void takeTheirs() {
        model.resolveConflicts(grid.selectedConflictRows(), false);
    }

    @FXML
    private void confirmSave() {
        hideReview();
        model.save(reviewedValidOnly);
    }

    @FXML
    private void back() {
        hideReview();
        model.unsaved().forgetSave();
    }

    private void hideReview() {
        review.setVisible(false);
        review.setManaged(false);
    }

    /** "Save valid rows" and "Save": a save that overwrites saved scores shows the review first. */
    Node saveButtons() {
        Button validOnly = new Button(Messages.text("assessments.saveValid"));
        validOnly.setId("save-valid");
        validOnly.setOnAction(event -> saveOrReview(true));
        Button save = new Button(Messages.text("assessments.save"));
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
                NotPermitted.explain(validOnly, model.canWriteResultsProperty(), Privileges.Action.ENTER_RESULTS),
                NotPermitted.explain(save, model.canWriteResultsProperty(), Privileges.Action.ENTER_RESULTS));
        buttons.setAlignment(Pos.CENTER_RIGHT);
        validOnly.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        return buttons;
    }

    void saveOrReview(boolean validOnly) {
        model.saveOrReview(validOnly, pending -> {
            reviewedValidOnly = validOnly;
            changes.getItems().setAll(pending);
            // the review holds the confirmation: a hidden panel shows for it (the user's choice is not changed)
            shown.set(true);
            review.setVisible(true);
            review.setManaged(true);
        });
    }

    Node node() {
        return panel;
    }

    /**
     * Where this OS account's choices for the screen are kept, beside the grid's column widths
     * ({@code <prefsNode>/ui/assessments}; {@code -Dregistrar.prefsNode} moves it for tests).
     */
    static Preferences habits() {
        return Preferences.userRoot()
                .node(System.getProperty("registrar.prefsNode", "org/registrar/connection") + "/ui/assessments");
    }

    /**
     * The toggle that hides the panel, giving the grid its width, and shows it again; what the user chose is
     * remembered for the next open.
     */
    ToggleButton toggle() {
        ToggleButton toggle = new ToggleButton(Messages.text("assessments.side.toggle"));
        toggle.setId("side-panel-toggle");
        toggle.setMnemonicParsing(true);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setAccessibleText(Messages.text("assessments.side.toggle.help"));
        toggle.setTooltip(new Tooltip(Messages.text("assessments.side.toggle.help")));
        toggle.selectedProperty().bindBidirectional(shown);
        toggle.setOnAction(event -> habits.putBoolean(SHOWN, toggle.isSelected()));
        return toggle;
    }

    /**
     * The panel gives way before the grid: {@value #SHARE} of the screen's width, between {@value #NARROWEST} and
     * {@value #PREFERRED_WIDTH} px (180 at 1024 px, so the grid's names and states are not cut to "…"); its
     * buttons and texts wrap inside it.
     */
    void giveWayTo(Region screen) {
        panel.prefWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(NARROWEST, Math.min(PREFERRED_WIDTH, screen.getWidth() * SHARE)),
                        screen.widthProperty()));
    }
}
