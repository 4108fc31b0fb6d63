package org.registrar.assessments.grid;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.registrar.i18n.Messages;

/**
 * The grid's rows as shown: filtered by a {@link RowFilter} and sorted by the clicked header, over the screen's rows,
 * which keep their own order (edits, undo, drafts and saves never see the view's order). A filter and a sort apply
 * when chosen, as in a spreadsheet: a row typed into stays where it is until the next choice; a new grid shows all
 * rows. The counts per filter follow every change, worked out once per FX turn. FX thread only.
 */
public final class GridOrder {
    private static final List<RowState> STATE_ORDER =
            List.of(RowState.ERROR, RowState.CONFLICT, RowState.EDITED, RowState.SAVED, RowState.UNCHANGED);

    private final ObservableList<GridRow> rows;
    private final FilteredList<GridRow> filtered;
    private final SortedList<GridRow> sorted;
    private final ObjectProperty<RowFilter> filter = new SimpleObjectProperty<>(RowFilter.ALL);
    private final ObjectProperty<Map<RowFilter, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    /** The rows again, telling of every change to a row's cells and state: only to keep the counts. */
    private final ObservableList<GridRow> watched = FXCollections.observableArrayList(row ->
            new Observable[] {row.savedProperty(), row.entryProperty(), row.commentProperty(), row.stateProperty()});

    private final Executor later;
    private boolean countPending;

    /** @param later runs a step on the FX thread after what is waiting there (the counts, once per turn) */
    GridOrder(ObservableList<GridRow> rows, Executor later) {
        this.rows = rows;
        this.later = later;
        this.filtered = new FilteredList<>(rows);
        this.sorted = new SortedList<>(filtered);
        Bindings.bindContent(watched, rows);
        rows.addListener((ListChangeListener<GridRow>) change -> show(RowFilter.ALL));
        watched.addListener((ListChangeListener<GridRow>) change -> countLater());
        recount();
    }

    /** Shows the rows {@code chosen} lets through, as they stand now. */
    public void show(RowFilter chosen) {
        RowFilter now = chosen == null ? RowFilter.ALL : chosen;
        filter.set(now);
        // a new predicate each time: choosing the same filter again applies it to the rows as they are now
        filtered.setPredicate(now == RowFilter.ALL ? null : row -> now.test(row));
    }

    private void countLater() {
        if (!countPending) {
            countPending = true;
            later.execute(this::recount);
        }
    }

    private void recount() {
        countPending = false;
        Map<RowFilter, Integer> now = new EnumMap<>(RowFilter.class);
        for (RowFilter each : RowFilter.values()) {
            now.put(each, 0);
        }
        for (GridRow row : rows) {
            for (RowFilter each : RowFilter.values()) {
                if (each.test(row)) {
                    now.merge(each, 1, Integer::sum);
                }
            }
        }
        if (!now.equals(counts.get())) {
            counts.set(Map.copyOf(now));
        }
    }

    /** The rows as the grid shows them. */
    SortedList<GridRow> shown() {
        return sorted;
    }

    /**
     * {@code problems} in the order the grid shows their rows: the rows shown first, as sorted; then the rows the
     * filter hides, in the screen's order; then the lines of input that matched no row, as they came. Follows every
     * change of the problems, the sort and the filter.
     */
    public ObservableList<Issue> inShownOrder(ObservableList<Issue> problems) {
        ObservableList<Issue> ordered = FXCollections.observableArrayList();
        Runnable reorder = () -> ordered.setAll(ordered(problems));
        problems.addListener((ListChangeListener<Issue>) change -> reorder.run());
        sorted.addListener((ListChangeListener<GridRow>) change -> reorder.run());
        reorder.run();
        return ordered;
    }

    private List<Issue> ordered(List<Issue> problems) {
        Map<GridRow, Integer> place = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            place.put(sorted.get(i), i);
        }
        int hidden = sorted.size();
        for (GridRow row : rows) {
            if (!place.containsKey(row)) {
                place.put(row, hidden++);
            }
        }
        List<Issue> ordered = new ArrayList<>(problems);
        // a stable sort: the input's lines, all last, keep their order
        ordered.sort(Comparator.comparingInt(issue -> place.getOrDefault(issue.row(), Integer.MAX_VALUE)));
        return ordered;
    }

    public ReadOnlyObjectProperty<RowFilter> filterProperty() {
        return filter;
    }

    /** How many rows each filter shows now. */
    public ReadOnlyObjectProperty<Map<RowFilter, Integer>> countsProperty() {
        return counts;
    }

    /** Text in the language shown, ignoring case and accents first ("Émile" beside "Emil"). */
    static Comparator<String> text() {
        Collator collator = Collator.getInstance(Messages.locale());
        collator.setStrength(Collator.SECONDARY);
        Comparator<String> words = collator::compare;
        return Comparator.nullsLast(words);
    }

    /** Scores by value ("9" before "10", "12,5" as 12.5); then words ("EX", what does not read); blanks last. */
    static Comparator<String> scores() {
        return Comparator.comparing(GridOrder::scoreKey, GridOrder::compareScoreKeys);
    }

    private record ScoreKey(int kind, BigDecimal value, String text) {}

    private static ScoreKey scoreKey(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return new ScoreKey(2, null, "");
        }
        try {
            return new ScoreKey(0, new BigDecimal(text.replace(',', '.')), text);
        } catch (NumberFormatException notANumber) {
            return new ScoreKey(1, null, text.toLowerCase(Locale.ROOT));
        }
    }

    private static int compareScoreKeys(ScoreKey a, ScoreKey b) {
        if (a.kind() != b.kind()) {
            return Integer.compare(a.kind(), b.kind());
        }
        return a.kind() == 0 ? a.value().compareTo(b.value()) : a.text().compareTo(b.text());
    }

    /** The state column ("error: …"): problems first, then edited, saved, unchanged; then by message. */
    static Comparator<String> states() {
        return Comparator.comparing((String cell) -> stateRank(cell)).thenComparing(text());
    }

    private static int stateRank(String cell) {
        String label = cell == null ? "" : cell.split(":", 2)[0];
        for (int rank = 0; rank < STATE_ORDER.size(); rank++) {
            if (STATE_ORDER.get(rank).shown().equals(label)) {
                return rank;
            }
        }
        return STATE_ORDER.size();
    }
}
