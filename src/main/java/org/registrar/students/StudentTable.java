package org.registrar.students;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;
import org.registrar.ui.Fxml;

/**
 * The students TableView: columns (StudentTable.fxml), and header clicks turned into server-side sorts from the
 * whitelist (the rows are never sorted on the client). Columns are sized to their content, the email column takes
 * the rest ({@link ColumnFit}). Not thread-safe: FX thread only.
 */
final class StudentTable {
    @FXML
    private TableView<StudentRow> table;

    @FXML
    private Label placeholder;

    @FXML
    private TableColumn<StudentRow, String> number;

    @FXML
    private TableColumn<StudentRow, String> family;

    @FXML
    private TableColumn<StudentRow, String> given;

    @FXML
    private TableColumn<StudentRow, String> cohort;

    @FXML
    private TableColumn<StudentRow, String> mentor;

    @FXML
    private TableColumn<StudentRow, String> status;

    @FXML
    private TableColumn<StudentRow, String> email;

    @FXML
    private TableColumn<StudentRow, String> updated;

    private final Map<StudentSort, TableColumn<StudentRow, String>> sortable;
    private boolean showingOrder;
    private final ColumnFit<StudentRow> columnFit;

    StudentTable(Consumer<StudentOrder> sortRequested) {
        Fxml.load(this);
        DateTimeFormatter when =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Messages.locale());
        ColumnFit.text(number, StudentRow::studentNumber);
        ColumnFit.text(family, StudentRow::familyName);
        ColumnFit.text(given, StudentRow::givenName);
        ColumnFit.text(cohort, StudentRow::cohortName);
        ColumnFit.text(mentor, StudentRow::mentorName);
        ColumnFit.text(status, row -> StatusNames.label(row.status()));
        ColumnFit.text(email, StudentRow::email);
        ColumnFit.text(
                updated,
                row -> row.updatedAt() == null
                        ? ""
                        : when.format(row.updatedAt().atZoneSameInstant(ZoneId.systemDefault())));
        // mentor, status and email have no index to page by: not sortable (StudentTable.fxml)
        sortable = Map.of(
                StudentSort.NAME, family,
                StudentSort.GIVEN_NAME, given,
                StudentSort.STUDENT_NUMBER, number,
                StudentSort.COHORT, cohort,
                StudentSort.UPDATED, updated);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setSortPolicy(view -> {
            if (!showingOrder) {
                requestedOrder().ifPresent(sortRequested);
            }
            return true;
        });
        // beside the navigation and the detail pane (which shows all four) at 1024 px, these give way first, status
        // and then the mentor last: rather than any value cut ("withdr…", "Łukaszewski, …"). German and Spanish
        // headers ("Schüler-Nr.", "N.º de estudiante") leave no room for the mentor there; the given name stays, as
        // rows of one family name are told apart by it, and the detail pane and the Mentor filter show the mentor
        columnFit = ColumnFit.apply(table, email, List.of(updated, email, status, mentor));
    }

    /** Sizes the columns to the rows now shown (called when a page arrives). */
    void fitColumns() {
        columnFit.fit();
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
