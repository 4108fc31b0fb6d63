package org.registrar.assessments;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.i18n.Messages;

/**
 * Above the grid: the drafts waiting for other cohorts and assessments, each with Resume (opens its cohort and
 * assessment and restores it) and Discard. Hidden when none wait. FX thread only.
 */
final class WaitingDraftsPanel {
    /** Lines shown at most; the rest are counted. */
    static final int SHOWN = 4;

    private final BulkEntryViewModel model;
    private final VBox panel = new VBox(4);

    WaitingDraftsPanel(BulkEntryViewModel model) {
        this.model = model;
        panel.setId("waiting-drafts");
        panel.getStyleClass().add("draft-banner");
        model.waitingDrafts().lines().addListener((ListChangeListener<WaitingDrafts.Line>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<WaitingDrafts.Line> lines = model.waitingDrafts().lines();
        panel.getChildren().clear();
        lines.stream().limit(SHOWN).forEach(line -> panel.getChildren().add(row(line)));
        if (lines.size() > SHOWN) {
            Label more = new Label(Messages.text("assessments.waiting.more", lines.size() - SHOWN));
            more.getStyleClass().add("text-muted");
            panel.getChildren().add(more);
        }
        panel.setVisible(!lines.isEmpty());
        panel.setManaged(!lines.isEmpty());
    }

    private HBox row(WaitingDrafts.Line line) {
        Label text = new Label(line.text());
        text.getStyleClass().add("waiting-draft");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button resume = new Button(Messages.text("assessments.waiting.resume"));
        resume.getStyleClass().addAll("accent", "resume-draft");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        resume.disableProperty().bind(model.busyProperty());
        resume.setOnAction(event -> model.resume(line));
        Button discard = new Button(Messages.text("assessments.waiting.discard"));
        discard.getStyleClass().add("discard-waiting-draft");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(event -> model.waitingDrafts().discard(line));
        HBox row = new HBox(10, text, spacer, resume, discard);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    VBox node() {
        return panel;
    }
}
