package org.registrar.students;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.tasks.Tasks;

/**
 * The class and mentor filter lists, read when the user opens one, not with the screen: at a million students the
 * class list alone is 35,000 rows, which would share the pool with the first page. A later opening reads the list's
 * change stamp (one tiny statement) and the list again only when its table changed since. Use on the FX thread only.
 */
final class FilterChoices {
    static final String LOAD = "Load student filters";

    private final Tasks tasks;
    private final StudentRepository repository;
    private final Map<FilterList, ObservableList<Choice>> lists = new EnumMap<>(FilterList.class);
    private final Map<FilterList, Long> stamps = new EnumMap<>(FilterList.class);
    private final Set<FilterList> reading = EnumSet.noneOf(FilterList.class);

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
}
