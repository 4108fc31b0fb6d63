package org.registrar.assessments;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.CohortFinder;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * The cohorts the class picker offers: the first ones whose name starts with what was typed, read when the user opens
 * the picker or types, never with the screen (at a million students all of them are 35,715 rows, ADR 0072). An answer
 * to an earlier prefix that arrives late is dropped. FX thread only.
 */
final class CohortSearch {
    /** The Students filter's operation too: the same statement shape, the same words on the Health screen. */
    static final String FIND = "Find classes";

    private final Tasks tasks;
    private final CohortFinder finder;
    private final ObservableList<Cohort> matches = FXCollections.observableArrayList();
    private final StringProperty hint = new SimpleStringProperty("");
    private long latest;

    CohortSearch(Tasks tasks, CohortFinder finder) {
        this.tasks = tasks;
        this.finder = finder;
    }

    /** The user typed {@code typed} into the picker (or opened it, with ""): reads the first matches. */
    void find(String typed) {
        String prefix = typed == null ? "" : typed.strip();
        long ticket = ++latest;
        tasks.run(FIND, () -> finder.startingWith(prefix)).onDone(found -> {
            if (ticket == latest) {
                show(prefix, found);
            }
        });
    }

    private void show(String prefix, CohortFinder.Matches found) {
        matches.setAll(found.cohorts());
        if (found.more() > 0) {
            hint.set(Messages.text(
                    found.atLeast() ? "assessments.cohort.moreAtLeast" : "assessments.cohort.more", found.more()));
        } else if (found.cohorts().isEmpty()) {
            hint.set(Messages.text("assessments.cohort.none", prefix));
        } else {
            hint.set("");
        }
    }

    /** The cohorts found for the prefix typed last; empty until the user first opens the picker. */
    ObservableList<Cohort> matches() {
        return matches;
    }

    /** "N more cohorts: keep typing" when the list was cut, "No cohort starts with …" when none matched, else "". */
    ReadOnlyStringProperty hint() {
        return hint;
    }
}
