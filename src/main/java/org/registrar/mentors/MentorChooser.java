package org.registrar.mentors;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;

/**
 * A small dialog to pick an active mentor for students chosen on another screen (they arrive as ids). Assigning
 * runs off the FX thread; the dialog closes when the write succeeded and stays open, with the reason, when it
 * failed, so the choice is not lost. Not thread-safe: FX thread only.
 */
public final class MentorChooser {
    private final MentorChooserViewModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ListView<Mentor> list = new ListView<>();

    private MentorChooser(MentorChooserViewModel model, DialogService dialogs, Consumer<String> assigned) {
        this.model = model;
        ButtonType assign = new ButtonType(Messages.text("mentors.chooser.assign"), ButtonBar.ButtonData.OK_DONE);
        dialog.setTitle(Messages.text("mentors.chooser.title"));
        dialog.setHeaderText(model.title());
        ButtonType cancel = new ButtonType(Messages.text("mentors.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(assign, cancel);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setId("mentor-chooser");
        dialog.getDialogPane().setContent(content());
        Button assignButton = (Button) dialog.getDialogPane().lookupButton(assign);
        assignButton.setId("chooser-assign");
        assignButton.setMinWidth(Region.USE_PREF_SIZE);
        assignButton
                .disableProperty()
                .bind(model.busyProperty()
                        .or(list.getSelectionModel().selectedItemProperty().isNull()));
        assignButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            assignChosen(assigned);
        });
        model.moveQuestionProperty().addListener((obs, was, question) -> {
            if (!question.isEmpty()) {
                // over the chooser, not behind it (the dialog service would own it by the main window)
                Scene chooser = dialog.getDialogPane().getScene();
                MoveConfirmation.ask(dialogs, chooser == null ? null : chooser.getWindow(), question, move -> {
                    if (move) {
                        model.confirmMove();
                    } else {
                        model.cancelMove();
                    }
                });
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                assignChosen(assigned);
            }
        });
    }

    /**
     * Opens the chooser over {@code model} (built by the app's wiring for the students chosen) through
     * {@code dialogs}; {@code assigned} hears a sentence saying what changed once the assignment is stored. Returns
     * at once.
     */
    public static void show(DialogService dialogs, MentorChooserViewModel model, Consumer<String> assigned) {
        MentorChooser chooser = new MentorChooser(model, dialogs, assigned);
        dialogs.ask(chooser.dialog, closed -> {});
        model.load();
    }

    private VBox content() {
        TextField filter = new TextField();
        filter.setId("chooser-filter");
        filter.setPromptText(Messages.text("mentors.chooser.prompt"));
        Label filterLabel = new Label(Messages.text("mentors.chooser.filter"));
        filterLabel.setLabelFor(filter);
        filterLabel.setMinWidth(Region.USE_PREF_SIZE);
        filter.textProperty().bindBidirectional(model.filterProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox tools = new HBox(8, filterLabel, filter, spinner);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(filter, javafx.scene.layout.Priority.ALWAYS);
        list.setId("chooser-mentors");
        list.setItems(model.mentors());
        list.setPrefSize(380, 300);
        list.setPlaceholder(new Label(Messages.text("mentors.chooser.none")));
        list.setCellFactory(ignored -> new MentorCell());
        Label message = new Label();
        message.setId("chooser-message");
        message.getStyleClass().add("danger");
        message.setWrapText(true);
        message.setMaxWidth(380);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        return new VBox(8, tools, list, message);
    }

    private void assignChosen(Consumer<String> assigned) {
        model.assign(list.getSelectionModel().getSelectedItem(), outcome -> {
            dialog.setResult(ButtonType.OK);
            dialog.close();
            assigned.accept(outcome);
        });
    }

    /** A mentor by name, with how many students they have now. */
    private static final class MentorCell extends ListCell<Mentor> {
        @Override
        protected void updateItem(Mentor item, boolean empty) {
            super.updateItem(item, empty);
            setText(
                    empty || item == null
                            ? null
                            : item.displayName() + "  ·  " + Messages.text("mentors.facts.students", item.students()));
        }
    }
}
