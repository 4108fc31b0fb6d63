package org.registrar.reports;

import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.registrar.i18n.Messages;
import org.registrar.ui.ClassPicker;

/**
 * The Reports screen's class field: the typed class picker the Students filter and Assessments share (ADR 0072,
 * 0073). What is typed asks the server for the first classes starting with it, never all of them (35,715 at a million
 * students); the field shows the model's class and hands it the one picked. FX thread only.
 */
final class ClassField {
    private ClassField() {}

    /** Makes {@code field} (laid out by ReportsView.fxml) the picker of {@code model}'s class. */
    static void bind(TextField field, ReportsViewModel model) {
        ClassPicker<Choices.Cohort> picker =
                new ClassPicker<>(field, null, names(), model::findClasses, model.classMatches(), model.classHint());
        picker.describe(Messages.text("reports.cohort.prompt"), Messages.text("reports.cohort.tooltip"));
        picker.show(model.cohort().get());
        model.cohort().addListener((property, before, now) -> picker.show(now));
        picker.setOnPicked(() -> {
            Choices.Cohort picked = picker.value();
            if (picked != null && !picked.equals(model.cohort().get())) {
                model.cohort().set(picked);
            }
        });
    }

    /** A class by its name in the field and the list; nothing picked shows the prompt. */
    private static StringConverter<Choices.Cohort> names() {
        return new StringConverter<>() {
            @Override
            public String toString(Choices.Cohort chosen) {
                return chosen == null ? "" : chosen.name();
            }

            @Override
            public Choices.Cohort fromString(String text) {
                return null;
            }
        };
    }
}
