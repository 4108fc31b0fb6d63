package org.registrar.students;

import java.util.List;
import java.util.OptionalLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * State of the Students table: the current page only (plus the prefetched next one), sort, filters, page size,
 * count and page position. Every load runs off the FX thread; answers a newer request superseded are dropped.
 * Use on the FX thread only.
 */
public final class StudentsViewModel {
    static final String OPEN_PAGE = "Open students page";
    static final String PREFETCH = "Prefetch students page";
    static final String LOCATE = "Locate students page";
    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200);
    static final String LOADING = Messages.text("messages.loading");
    static final String NO_MATCH = Messages.text("messages.students.noMatch");
    static final String NOT_LOADED = Messages.text("messages.students.notLoaded");
    static final String NOT_A_PAGE = Messages.text("messages.students.notAPage");
    /** More digits than any page count could have; keeps parsing inside a long. */
    private static final int MAX_PAGE_DIGITS = 12;

    private final Tasks tasks;
    private final StudentRepository repository;
    private final ObservableList<StudentRow> rows = FXCollections.observableArrayList();
    private final FilterChoices choices;
    private final ObjectProperty<StudentOrder> order = new SimpleObjectProperty<>(StudentOrder.DEFAULT);
    private final ObjectProperty<StudentFilter> filter = new SimpleObjectProperty<>(StudentFilter.NONE);
    private final IntegerProperty pageSize = new SimpleIntegerProperty(50);
    private final StringProperty position = new SimpleStringProperty("");
    private final StringProperty countText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty jumpProblem = new SimpleStringProperty("");
    private final StringProperty placeholder = new SimpleStringProperty(LOADING);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasPrevious = new SimpleBooleanProperty();
    private final BooleanProperty hasNext = new SimpleBooleanProperty();
    private StudentPage page;
    private long pageNumber;
    private RowCount count;
    private Prefetch prefetch;
    private long latest;

    public StudentsViewModel(Tasks tasks, StudentRepository repository) {
        this.tasks = tasks;
        this.repository = repository;
        this.choices = new FilterChoices(tasks, repository);
    }

    /** Loads the first page with its count; a filter list waits until the user opens it ({@link #wantChoices}). */
    public void start() {
        reload();
    }

    /** The user opens a filter list: read it the first time, later only when its table changed since. */
    void wantChoices(FilterList list) {
        choices.want(list);
    }

    /** The user typed {@code prefix} into the class filter (or opened it): the first matching classes, off the FX thread. */
    void findClasses(String prefix) {
        choices.findClasses(prefix);
    }

    /** The first page again, recounted (after a filter, sort or page-size change, or "Refresh"). */
    public void reload() {
        load(PageRequest.first(), true);
    }

    public void first() {
        load(PageRequest.first(), count == null);
    }

    public void last() {
        load(PageRequest.last(), count == null);
    }

    public void next() {
        if (page == null || !page.hasNext() || page.rows().isEmpty()) {
            return;
        }
        if (busy.get()) {
            return;
        }
        if (prefetch != null
                && prefetch.page() != null
                && prefetch.answers(page.lastKey(), order.get(), filter.get(), pageSize.get())) {
            latest++;
            show(prefetch.page(), PageRequest.Kind.AFTER);
            return;
        }
        load(PageRequest.after(page.lastKey()), false);
    }

    public void previous() {
        if (!busy.get() && page != null && page.hasPrevious() && !page.rows().isEmpty()) {
            load(PageRequest.before(page.firstKey()), false);
        }
    }

    /** Page {@code number}, 1-based; beyond the end shows the last page. */
    public void jumpToPage(long number) {
        load(PageRequest.atPage(Math.max(1, number)), false);
    }

    /**
     * The page number typed in the jump field ("12", " 1,200 "), or empty when it is not one; then
     * {@link #jumpProblemProperty} says why (and is cleared by the next good number).
     */
    public OptionalLong pageNumber(String typed) {
        String digits = typed == null ? "" : typed.strip().replace(",", "");
        boolean valid = !digits.isEmpty()
                && digits.length() <= MAX_PAGE_DIGITS
                && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(digits) >= 1;
        jumpProblem.set(valid ? "" : NOT_A_PAGE);
        return valid ? OptionalLong.of(Long.parseLong(digits)) : OptionalLong.empty();
    }

    /** Why the typed page number was refused; "" while it is fine. */
    public ReadOnlyStringProperty jumpProblemProperty() {
        return jumpProblem;
    }

    /** The first student whose name starts at or after {@code prefix}; switches to name order when needed. */
    public void jumpToName(String prefix) {
        StudentOrder current = order.get();
        if (!current.ascending() || (current.sort() != StudentSort.NAME && current.sort() != StudentSort.GIVEN_NAME)) {
            order.set(StudentOrder.DEFAULT);
        }
        load(PageRequest.atName(prefix), false);
    }

    /**
     * "Refresh": the current page read again from its first row, and the matches counted again; keeps the page
     * and its number (the first page when none is shown).
     */
    public void refresh() {
        if (page == null || page.rows().isEmpty()) {
            reload();
        } else {
            load(PageRequest.from(page.firstKey()), true);
        }
    }

    /**
     * Shows a student saved in the detail pane in its row at once (same place on the page, until the page is read
     * again); a student not on the page changes nothing.
     */
    public void showSaved(StudentProfile saved) {
        for (int index = 0; index < rows.size(); index++) {
            StudentRow row = rows.get(index);
            if (row.id() == saved.id()) {
                rows.set(
                        index,
                        new StudentRow(
                                row.id(),
                                saved.studentNumber(),
                                saved.familyName(),
                                saved.givenName(),
                                row.cohortId(),
                                row.cohortName(),
                                row.mentorId(),
                                row.mentorName(),
                                saved.status(),
                                saved.email(),
                                saved.updatedAt(),
                                saved.version(),
                                row.key()));
                page = new StudentPage(rows, page.hasPrevious(), page.hasNext(), page.pageNumber(), page.count());
                return;
            }
        }
    }

    /** The current page read again from its first row (after a change made elsewhere); keeps its number. */
    public void refreshPage() {
        if (page == null || page.rows().isEmpty()) {
            reload();
        } else {
            load(PageRequest.from(page.firstKey()), false);
        }
    }

    public void sortBy(StudentOrder newOrder) {
        order.set(newOrder);
        load(PageRequest.first(), count == null);
    }

    public void filterBy(StudentFilter newFilter) {
        filter.set(newFilter);
        reload();
    }

    /** Narrows by the search text (name prefix, or student-number prefix when it holds a digit). */
    public void search(String text) {
        if (searchWouldChange(text)) {
            filterBy(filter.get().withSearch(text));
        }
    }

    /** Whether {@link #search} with {@code text} would read other rows (the screen asks about unsaved edits first). */
    public boolean searchWouldChange(String text) {
        return !filter.get().withSearch(text).equals(filter.get());
    }

    /** The search text in force ("" for none): what the search box shows again when the user keeps editing. */
    public String searchText() {
        String current = filter.get().search();
        return current == null ? "" : current;
    }

    public void changePageSize(int size) {
        if (size != pageSize.get()) {
            pageSize.set(size);
            load(PageRequest.first(), count == null);
        }
    }

    private void load(PageRequest request, boolean withCount) {
        long ticket = ++latest;
        busy.set(true);
        placeholder.set(LOADING);
        StudentOrder currentOrder = order.get();
        StudentFilter currentFilter = filter.get();
        int size = pageSize.get();
        tasks.run(OPEN_PAGE, () -> repository.page(currentOrder, currentFilter, request, size, withCount))
                .onDone(loaded -> {
                    if (ticket == latest) {
                        show(loaded, request.kind());
                    }
                })
                .onError(error -> {
                    if (ticket == latest) {
                        busy.set(false);
                        placeholder.set(NOT_LOADED);
                        message.set(DatabaseErrors.describe(error));
                    }
                });
    }

    private void show(StudentPage answer, PageRequest.Kind kind) {
        StudentPage loaded = kind == PageRequest.Kind.FROM && page != null && answer.hasPrevious()
                ? new StudentPage(answer.rows(), page.hasPrevious(), answer.hasNext(), pageNumber, answer.count())
                : answer;
        if (loaded.count() != null) {
            count = loaded.count();
        }
        pageNumber = numberOf(loaded, kind);
        page = loaded;
        rows.setAll(loaded.rows());
        hasPrevious.set(loaded.hasPrevious());
        hasNext.set(loaded.hasNext());
        countText.set(count == null ? "" : count.describe());
        position.set(describePosition());
        message.set("");
        placeholder.set(NO_MATCH);
        busy.set(false);
        prefetchNext();
        if (pageNumber == 0
                && (kind == PageRequest.Kind.AT_NAME || kind == PageRequest.Kind.LAST)
                && !loaded.rows().isEmpty()) {
            locate(loaded, kind == PageRequest.Kind.LAST);
        }
    }

    /**
     * Finds the number of a page reached by name, or of the last page while the count is an estimate: counts the
     * rows before its first one in the background (one statement over the sort index) and shows "Page N" if the
     * page is still shown when the answer comes. For the last page that count plus its rows is the exact count.
     */
    private void locate(StudentPage shown, boolean last) {
        StudentOrder currentOrder = order.get();
        StudentFilter currentFilter = filter.get();
        int size = pageSize.get();
        tasks.run(LOCATE, () -> repository.rowsBefore(currentOrder, currentFilter, shown.firstKey()))
                .onDone(before -> {
                    if (page == shown && pageNumber == 0 && size == pageSize.get()) {
                        if (last) {
                            count = new RowCount(before + shown.rows().size(), true);
                            countText.set(count.describe());
                            pageNumber = Math.max(1, (count.value() + size - 1) / size);
                        } else {
                            pageNumber = before / size + 1;
                        }
                        position.set(describePosition());
                    }
                });
    }

    private long numberOf(StudentPage loaded, PageRequest.Kind kind) {
        if (loaded.pageNumber() > 0) {
            return loaded.pageNumber();
        }
        if (!loaded.hasPrevious()) {
            return 1;
        }
        if (kind == PageRequest.Kind.LAST && count != null && count.exact()) {
            return Math.max(1, (count.value() + pageSize.get() - 1) / pageSize.get());
        }
        if (kind == PageRequest.Kind.AFTER && pageNumber > 0) {
            return pageNumber + 1;
        }
        return kind == PageRequest.Kind.BEFORE && pageNumber > 1 ? pageNumber - 1 : 0;
    }

    private String describePosition() {
        String page = pageNumber > 0 ? Messages.text("messages.students.pageNumber", pageNumber) : "—";
        if (count == null) {
            return Messages.text("messages.students.page", page);
        }
        long total = Math.max(1, (count.value() + pageSize.get() - 1) / pageSize.get());
        return Messages.text(count.exact() ? "messages.students.pageOf" : "messages.students.pageOfAbout", page, total);
    }

    /** Reads the next page in the background so "next" shows at once; only one page is kept ahead. */
    private void prefetchNext() {
        prefetch = null;
        if (!page.hasNext() || page.rows().isEmpty()) {
            return;
        }
        Prefetch pending = new Prefetch(page.lastKey(), order.get(), filter.get(), pageSize.get(), null);
        prefetch = pending;
        tasks.run(
                        PREFETCH,
                        () -> repository.page(
                                pending.order(),
                                pending.filter(),
                                PageRequest.after(pending.after()),
                                pending.size(),
                                false))
                .onDone(next -> {
                    if (prefetch == pending) {
                        prefetch = pending.with(next);
                    }
                });
    }

    /** True while a page holds rows ahead in memory (tests). */
    boolean hasPrefetched() {
        return prefetch != null && prefetch.page() != null;
    }

    public ObservableList<StudentRow> rows() {
        return rows;
    }

    /** The classes found for the prefix typed last into the class filter. */
    public ObservableList<Choice> classMatches() {
        return choices.classMatches();
    }

    /** What the class filter says below its matches: how many more to narrow by typing, or that none matched. */
    public ReadOnlyStringProperty classHintProperty() {
        return choices.classHint();
    }

    public ObservableList<Choice> mentors() {
        return choices.list(FilterList.MENTORS);
    }

    public ReadOnlyObjectProperty<StudentOrder> orderProperty() {
        return order;
    }

    public ReadOnlyObjectProperty<StudentFilter> filterProperty() {
        return filter;
    }

    public int pageSize() {
        return pageSize.get();
    }

    public RowCount count() {
        return count;
    }

    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText;
    }

    /** What the empty table says: "Loading…" until an answer came, then that nothing matches. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext;
    }
}
