package org.registrar.students;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The students TableView: columns, and header clicks turned into server-side sorts from the whitelist (the rows
 * are never sorted on the client). Not thread-safe: FX thread only.
 */
final class StudentTable {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TableView<StudentRow> table = new TableView<>();
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label();
    private final Map<StudentSort, TableColumn<StudentRow, String>> sortable;
    private boolean showingOrder;

    StudentTable(Consumer<StudentOrder> sortRequested) {
        TableColumn<StudentRow, String> number = column("Student no.", 95, StudentRow::studentNumber);
        TableColumn<StudentRow, String> family = column("Family name", 130, StudentRow::familyName);
        TableColumn<StudentRow, String> given = column("Given name", 110, StudentRow::givenName);
        TableColumn<StudentRow, String> cohort = column("Cohort", 95, StudentRow::cohortName);
        TableColumn<StudentRow, String> mentor = column("Mentor", 140, StudentRow::mentorName);
        TableColumn<StudentRow, String> status = column("Status", 95, row -> StatusNames.label(row.status()));
        TableColumn<StudentRow, String> email = column("Email", 220, StudentRow::email);
        TableColumn<StudentRow, String> updated = column(
                "Last updated",
                125,
                row -> row.updatedAt() == null
                        ? ""
                        : UPDATED.format(row.updatedAt().atZoneSameInstant(ZoneId.systemDefault())));
        sortable = Map.of(
                StudentSort.NAME, family,
                StudentSort.GIVEN_NAME, given,
                StudentSort.STUDENT_NUMBER, number,
                StudentSort.COHORT, cohort,
                StudentSort.UPDATED, updated);
        // mentor, status and email have no index to page by: not sortable
        mentor.setSortable(false);
        status.setSortable(false);
        email.setSortable(false);
        table.getColumns().setAll(java.util.List.of(number, family, given, cohort, mentor, status, email, updated));
        table.setId("students-table");
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder);
        table.setSortPolicy(view -> {
            if (!showingOrder) {
                requestedOrder().ifPresent(sortRequested);
            }
            return true;
        });
    }

    private static TableColumn<StudentRow, String> column(
            String title, double width, Function<StudentRow, String> value) {
        TableColumn<StudentRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setId("column-" + title.toLowerCase().replaceAll("[^a-z]+", "-"));
        return column;
    }

    private java.util.Optional<StudentOrder> requestedOrder() {
        if (table.getSortOrder().isEmpty()) {
            return java.util.Optional.empty();
        }
        TableColumn<StudentRow, ?> first = table.getSortOrder().get(0);
        return sortable.entrySet().stream()
                .filter(entry -> entry.getValue() == first)
                .findFirst()
                .map(entry -> new StudentOrder(entry.getKey(), first.getSortType() == TableColumn.SortType.ASCENDING));
    }

    /** What the table says while it has no rows ("Loading…", "No students match."). */
    void bindPlaceholder(javafx.beans.value.ObservableStringValue text) {
        placeholder.setId("students-placeholder");
        placeholder.textProperty().bind(text);
    }

    /** Shows {@code order} in the headers without asking for a sort (after the model changed it). */
    void showOrder(StudentOrder order) {
        showingOrder = true;
        try {
            TableColumn<StudentRow, String> column = sortable.get(order.sort());
            column.setSortType(order.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(java.util.List.of(column));
        } finally {
            showingOrder = false;
        }
    }

    TableView<StudentRow> view() {
        return table;
    }
}
