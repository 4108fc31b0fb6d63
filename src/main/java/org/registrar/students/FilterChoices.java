package org.registrar.students;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * The class and mentor filter choices, read when the user opens a filter, not with the screen. Classes are found by
 * what the user types: the first {@link #SHOWN} whose name starts with it and how many more (at a million students
 * there are 35,715, a list nobody scrolls). Mentors (7,692 at a million) are read as one list. A prefix asked again,
 * or a list opened again, costs the table's change stamp (one tiny statement) and is read again only when its table
 * changed since. Use on the FX thread only.
 */
final class FilterChoices {
    static final String LOAD = "Load student filters";
    static final String FIND_CLASSES = "Find classes";
    static final int SHOWN = ClassMatches.SHOWN;
    static final int COUNTED = ClassMatches.COUNTED;
    /** Prefixes whose answers are kept (until the classes change). */
    private static final int ANSWERS_KEPT = 64;

    private final Tasks tasks;
    private final StudentRepository repository;
    private final Map<FilterList, ObservableList<Choice>> lists = new EnumMap<>(FilterList.class);
    private final Map<FilterList, Long> stamps = new EnumMap<>(FilterList.class);
    private final Set<FilterList> reading = EnumSet.noneOf(FilterList.class);
    private final ObservableList<Choice> classMatches = FXCollections.observableArrayList();
    private final StringProperty classHint = new SimpleStringProperty("");
    private final Map<String, ClassMatches> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClassMatches> eldest) {
            return size() > ANSWERS_KEPT;
        }
    };
    private Long answersStamp;
    private long latestFind;

    FilterChoices(Tasks tasks, StudentRepository repository) {
        this.tasks = tasks;
        this.repository = repository;
        for (FilterList list : FilterList.values()) {
            lists.put(list, FXCollections.observableArrayList());
        }
    }

    /** The list as last read; empty until the user first opens it. */
    ObservableList<Choice> list(FilterList list) {
        return lists.get(list);
    }

    /** The user opens {@code list}: read it unless it is being read or its table has not changed since. */
    void want(FilterList list) {
        if (!reading.add(list)) {
            return;
        }
        Long known = stamps.get(list);
        tasks.run(LOAD, () -> repository.choices(list, known))
                .onDone(read -> {
                    reading.remove(list);
                    stamps.put(list, read.stamp());
                    if (read.changed()) {
                        lists.get(list).setAll(read.choices());
                    }
                })
                .onError(error -> reading.remove(list));
    }

    /** The classes found for the prefix typed last; empty until the user first opens the class filter. */
    ObservableList<Choice> classMatches() {
        return classMatches;
    }

    /** "N more classes: keep typing" when the list was cut, "No class starts with …" when none matched, else "". */
    ReadOnlyStringProperty classHint() {
        return classHint;
    }

    /**
     * The user typed {@code typed} into the class filter (or opened it, with ""): shows a kept answer for it at once,
     * then reads the cohorts change stamp and the classes again only if they changed. Answers to earlier prefixes
     * that arrive late are kept but not shown.
     */
    void findClasses(String typed) {
        String prefix = typed == null ? "" : typed.strip();
        long ticket = ++latestFind;
        ClassMatches kept = answers.get(prefix);
        if (kept != null) {
            show(prefix, kept);
        }
        Long known = kept == null ? null : answersStamp;
        tasks.run(FIND_CLASSES, () -> repository.classesStartingWith(prefix, SHOWN, COUNTED, known))
                .onDone(read -> {
                    if (!read.changed()) {
                        return;
                    }
                    if (answersStamp == null || answersStamp != read.stamp()) {
                        answers.clear();
                        answersStamp = read.stamp();
                    }
                    answers.put(prefix, read.matches());
                    if (ticket == latestFind) {
                        show(prefix, read.matches());
                    }
                });
    }

    private void show(String prefix, ClassMatches matches) {
        classMatches.setAll(matches.choices());
        if (matches.more() > 0) {
            classHint.set(Messages.text(
                    matches.atLeast() ? "students.filter.moreClassesAtLeast" : "students.filter.moreClasses",
                    matches.more()));
        } else if (matches.choices().isEmpty()) {
            classHint.set(Messages.text("students.filter.noClass", prefix));
        } else {
            classHint.set("");
        }
    }
}
