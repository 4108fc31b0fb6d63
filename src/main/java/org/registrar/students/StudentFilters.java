package org.registrar.students;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.registrar.i18n.Messages;
import org.registrar.ui.ClassPicker;
import org.registrar.ui.Fxml;

/**
 * The class, status and mentor filters ("any", a mentor, or "no mentor"), each with its label
 * (StudentFilters.fxml). The class is found by typing ({@link ClassPicker}); the fixed choices are shown in the
 * chosen language.
 */
final class StudentFilters {
    static final Choice ANY_COHORT = new Choice(-1, "Any cohort");
    static final Choice ANY_MENTOR = new Choice(-1, "Any mentor");
    static final Choice NO_MENTOR = new Choice(-2, "No mentor");
    static final String ANY_STATUS = "Any status";

    @FXML
    private HBox root;

    @FXML
    private TextField cohort;

    private final ClassPicker<Choice> cohortPicker;
    /**
     * The classes picked on this screen, by id: the filter holds only the id, and a class picked while edits were
     * unsaved applies after the question about them, when its name must be shown again.
     */
    private final Map<Long, Choice> pickedCohorts = new HashMap<>();

    @FXML
    private ComboBox<String> status;

    @FXML
    private ComboBox<Choice> mentor;

    private final StudentsViewModel model;
    private final Consumer<StudentFilter> apply;
    private boolean restoring;

    StudentFilters(StudentsViewModel model, Consumer<StudentFilter> apply) {
        this.model = model;
        this.apply = apply;
        Fxml.load(this);
        status.setItems(FXCollections.observableArrayList(ANY_STATUS));
        status.getItems().addAll(StatusNames.VALUES);
        // the stored value filters; the user reads the words the table shows ("on leave")
        StringConverter<String> statusNames = StatusNames.converter();
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return ANY_STATUS.equals(value)
                        ? Messages.text("students.filter.anyStatus")
                        : statusNames.toString(value);
            }

            @Override
            public String fromString(String text) {
                return text.equals(Messages.text("students.filter.anyStatus"))
                        ? ANY_STATUS
                        : statusNames.fromString(text);
            }
        });
        cohortPicker = new ClassPicker<>(
                cohort, ANY_COHORT, choices(), model::findClasses, model.classMatches(), model.classHintProperty());
        cohortPicker.describe(
                Messages.text("students.filter.classPrompt"), Messages.text("students.filter.classTooltip"));
        mentor.setConverter(choices());
        mirror(model.mentors(), mentor, ANY_MENTOR, NO_MENTOR);
        status.setValue(ANY_STATUS);
        cohortPicker.setOnPicked(this::changed);
        status.setOnAction(event -> changed());
        mentor.setOnAction(event -> changed());
        // read when opened, not with the screen: the list fills in the open popup
        mentor.setOnShowing(event -> model.wantChoices(FilterList.MENTORS));
        model.filterProperty().addListener((obs, old, filter) -> show(filter));
    }

    /** Shows the fixed choices ("Any cohort", "No mentor") in the chosen language, the others by their label. */
    private static StringConverter<Choice> choices() {
        return new StringConverter<>() {
            @Override
            public String toString(Choice choice) {
                if (choice == ANY_COHORT) {
                    return Messages.text("students.filter.anyCohort");
                } else if (choice == ANY_MENTOR) {
                    return Messages.text("students.filter.anyMentor");
                } else if (choice == NO_MENTOR) {
                    return Messages.text("students.filter.noMentor");
                }
                return choice == null ? "" : choice.label();
            }

            @Override
            public Choice fromString(String text) {
                return null;
            }
        };
    }

    private static void mirror(ObservableList<Choice> source, ComboBox<Choice> box, Choice... fixed) {
        box.getItems().setAll(fixed);
        box.setValue(fixed[0]);
        source.addListener((ListChangeListener<Choice>) change -> {
            Choice selected = box.getValue();
            box.getItems().setAll(fixed);
            box.getItems().addAll(source);
            box.setValue(selected);
        });
    }

    private void changed() {
        if (restoring) {
            return;
        }
        StudentFilter current = model.filterProperty().get();
        Choice chosenCohort = cohortPicker.value();
        pickedCohorts.put(chosenCohort.id(), chosenCohort);
        Choice chosenMentor = mentor.getValue();
        String chosenStatus = status.getValue();
        StudentFilter next = new StudentFilter(
                current.search(),
                chosenCohort == null || chosenCohort.id() < 0 ? null : chosenCohort.id(),
                chosenStatus == null || chosenStatus.equals(ANY_STATUS) ? null : chosenStatus,
                chosenMentor == null || chosenMentor.id() < 0 ? null : chosenMentor.id(),
                chosenMentor == NO_MENTOR);
        if (!next.equals(current)) {
            apply.accept(next);
            show(model.filterProperty().get());
        }
    }

    /** Puts the combo boxes back to what the model filters by (after the user kept editing instead). */
    private void show(StudentFilter filter) {
        restoring = true;
        try {
            status.setValue(filter.status() == null ? ANY_STATUS : filter.status());
            cohortPicker.show(
                    filter.cohortId() == null ? ANY_COHORT : pickedCohorts.getOrDefault(filter.cohortId(), ANY_COHORT));
            mentor.setValue(
                    filter.noMentor()
                            ? NO_MENTOR
                            : mentor.getItems().stream()
                                    .filter(choice -> filter.mentorId() != null && choice.id() == filter.mentorId())
                                    .findFirst()
                                    .orElse(ANY_MENTOR));
        } finally {
            restoring = false;
        }
    }

    HBox root() {
        return root;
    }
}
