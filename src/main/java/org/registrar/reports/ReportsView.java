package org.registrar.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The Reports screen: pick a report and what it is about, see it as a table (and a histogram for a score sheet),
 * save it as PDF, .xlsx or CSV, or print it. Layout in ReportsView.fxml; the table's columns follow the report.
 * FX thread only.
 */
public final class ReportsView {
    /** The key under which the table's properties hold the report it shows once every row is in (for tests). */
    static final String SHOWN = "registrar.reports.shown";

    private static final int NOTES_SHOWN = 8;
    private static final int BANDS = 10;

    /**
     * A class overview's header comes in this many columns per pulse: 94 wrapped headers made and styled in one pulse
     * were the longest piece of its showing once the rows came a few at a time. While the table is held back to its
     * header no row has cells, so a column added costs its header only.
     */
    static final int HEADERS_PER_PULSE = 10;

    private final ReportsViewModel model;
    private final DialogService dialogs;
    private final ReportPrinter printer;
    private final PulseSteps steps = new PulseSteps();
    private TableWarmUp warmUp;

    @FXML
    private BorderPane root;

    @FXML
    private ComboBox<ReportKind> kind;

    @FXML
    private TextField cohort;

    @FXML
    private ComboBox<Choices.Assessment> assessment;

    @FXML
    private ComboBox<Choices.Student> student;

    @FXML
    private ComboBox<Choices.YearGroup> yearGroup;

    @FXML
    private DatePicker from;

    @FXML
    private DatePicker to;

    @FXML
    private VBox cohortBox;

    @FXML
    private VBox assessmentBox;

    @FXML
    private VBox studentBox;

    @FXML
    private VBox fromBox;

    @FXML
    private VBox toBox;

    @FXML
    private VBox yearGroupBox;

    @FXML
    private Button show;

    @FXML
    private Button exportPdf;

    @FXML
    private Button exportXlsx;

    @FXML
    private Button exportCsv;

    @FXML
    private Button print;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private Label title;

    @FXML
    private Label details;

    @FXML
    private Label message;

    @FXML
    private TableView<List<Object>> table;

    @FXML
    private BarChart<String, Number> histogram;

    @FXML
    private javafx.scene.chart.NumberAxis countAxis;

    public ReportsView(ReportsViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.printer = new ReportPrinter();
        Fxml.load(this);
        bind();
        model.load();
    }

    public Node root() {
        return root;
    }

    private void bind() {
        kind.getItems().setAll(ReportKind.values());
        kind.valueProperty().bindBidirectional(model.kind());
        ClassField.bind(cohort, model);
        assessment.setItems(model.assessments());
        assessment.valueProperty().bindBidirectional(model.assessment());
        student.setItems(model.students());
        student.valueProperty().bindBidirectional(model.student());
        yearGroup.setItems(model.yearGroups());
        yearGroup.valueProperty().bindBidirectional(model.yearGroup());
        from.valueProperty().bindBidirectional(model.from());
        to.valueProperty().bindBidirectional(model.to());
        showFor(cohortBox, ReportKind.SCORE_SHEET, ReportKind.CLASS_OVERVIEW, ReportKind.TRANSCRIPT);
        showFor(assessmentBox, ReportKind.SCORE_SHEET);
        showFor(studentBox, ReportKind.TRANSCRIPT);
        showFor(fromBox, ReportKind.CLASS_OVERVIEW);
        showFor(toBox, ReportKind.CLASS_OVERVIEW);
        showFor(yearGroupBox, ReportKind.YEAR_OVERVIEW);
        show.setOnAction(event -> model.show());
        show.disableProperty().bind(model.busy());
        busy.visibleProperty().bind(model.busy());
        for (Button export : List.of(exportPdf, exportXlsx, exportCsv, print)) {
            export.disableProperty().bind(Bindings.isNull(model.table()).or(model.busy()));
        }
        exportPdf.setOnAction(event -> export(ExportFormat.PDF, "PDF", "*.pdf"));
        exportXlsx.setOnAction(event -> export(ExportFormat.XLSX, "Excel", "*.xlsx"));
        exportCsv.setOnAction(event -> export(ExportFormat.CSV, "CSV", "*.csv"));
        print.setOnAction(
                event -> printer.print(model.table().get(), root.getScene().getWindow(), model::report));
        message.textProperty().bind(model.message());
        table.setPlaceholder(placeholder());
        model.table().addListener((property, before, shown) -> showTable(shown));
        model.bands().addListener((property, before, read) -> showBands(read));
        histogram.managedProperty().bind(histogram.visibleProperty());
        histogram.setVisible(false);
        makeBars();
        warmUp = TableWarmUp.start(root, table.getId(), ReportsView::columns);
    }

    /** What an empty table says: no report asked for yet, or one without rows. */
    private Label placeholder() {
        Label placeholder = new Label();
        placeholder
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.table().get() == null
                                ? Messages.text("reports.none")
                                : Messages.text("reports.empty"),
                        model.table()));
        return placeholder;
    }

    private void showFor(Node box, ReportKind... kinds) {
        List<ReportKind> when = List.of(kinds);
        box.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> when.contains(model.kind().get()), model.kind()));
        box.managedProperty().bind(box.visibleProperty());
    }

    private void export(ExportFormat format, String description, String pattern) {
        Optional<Path> chosen = dialogs.chooseFileToSave(new FileRequest(
                Messages.text("reports.title"),
                model.suggestedName(format),
                null,
                List.of(new FileRequest.FileKind(description, List.of(pattern)))));
        chosen.ifPresent(file -> model.export(format, file, () -> {}));
    }

    private void showTable(ReportTable shown) {
        if (shown == null) {
            steps.add(() -> {
                title.setText("");
                details.setText("");
                table.getItems().clear();
                table.getColumns().clear();
                table.getProperties().remove(SHOWN);
            });
            return;
        }
        warmUp.stop();
        List<TableColumn<List<Object>, ?>> views = columns(shown);
        List<String> lines = new ArrayList<>(shown.details());
        // the exports carry every note; the screen keeps the table in view
        lines.addAll(
                shown.notes().subList(0, Math.min(NOTES_SHOWN, shown.notes().size())));
        if (shown.notes().size() > NOTES_SHOWN) {
            lines.add("… (" + (shown.notes().size() - NOTES_SHOWN) + ")");
        }
        // one piece of the screen per pulse, so no pulse styles and lays out the whole report: the words and a new,
        // empty table (the old one's rows, empty ones too, would each make cells for every new column again); the
        // header; the rows, shown empty in the table's whole place, then given their cells a few per pulse (RowReveal).
        // A table marked SHOWN is a finished report.
        TableView<List<Object>> fresh = new TableView<>();
        steps.add(() -> {
            title.setText(shown.title());
            details.setText(String.join("\n", lines));
            replaceTable(fresh);
        });
        for (int from = 0; from < views.size(); from += HEADERS_PER_PULSE) {
            List<TableColumn<List<Object>, ?>> some =
                    views.subList(from, Math.min(views.size(), from + HEADERS_PER_PULSE));
            steps.add(() -> fresh.getColumns().addAll(some));
        }
        steps.add(() -> fresh.getItems().setAll(shown.rows()));
        // the new table will have the place the one shown has (or had: it may be held back itself)
        double place = Math.max(table.getHeight(), root.getHeight() - table.getLayoutY());
        steps.repeat(new RowReveal(fresh, views.size(), place));
        steps.add(() -> fresh.getProperties().put(SHOWN, shown));
    }

    /**
     * Puts {@code fresh} in the shown table's place, held back to its header (RowReveal). Keyboard focus
     * that was in the old table moves to the new one (the old one leaves the screen).
     */
    private void replaceTable(TableView<List<Object>> fresh) {
        boolean focused = focusIn(table);
        fresh.setId(table.getId());
        fresh.setPlaceholder(placeholder());
        ViewportRows.install(fresh);
        RowReveal.holdBack(fresh);
        BorderPane.setMargin(fresh, BorderPane.getMargin(table));
        // held to its header's height, at the top of its place (a border pane centres a child shorter than its place)
        BorderPane.setAlignment(fresh, Pos.TOP_LEFT);
        root.setCenter(fresh);
        table = fresh;
        if (focused) {
            fresh.requestFocus();
        }
    }

    private static boolean focusIn(Node node) {
        Node owner = node.getScene() == null ? null : node.getScene().getFocusOwner();
        while (owner != null && owner != node) {
            owner = owner.getParent();
        }
        return owner != null;
    }

    /** The report's columns, each as wide as its header and its first 50 cells (within 70–300 px). */
    static List<TableColumn<List<Object>, ?>> columns(ReportTable shown) {
        List<TableColumn<List<Object>, ?>> views = new ArrayList<>();
        for (int index = 0; index < shown.columns().size(); index++) {
            ReportTable.Column column = shown.columns().get(index);
            int cell = index;
            TableColumn<List<Object>, String> view = new TableColumn<>(column.header());
            view.setCellValueFactory(row ->
                    new ReadOnlyStringWrapper(ReportTable.text(row.getValue().get(cell))));
            view.setSortable(false);
            view.setCellFactory(ViewportRows::cell);
            int longest = headerWidth(column.header());
            for (List<Object> row :
                    shown.rows().subList(0, Math.min(50, shown.rows().size()))) {
                longest = Math.max(longest, ReportTable.text(row.get(cell)).length());
            }
            view.setPrefWidth(Math.max(70, Math.min(300, longest * 8 + 34)));
            if (column.kind() == ReportTable.Kind.NUMBER) {
                view.getStyleClass().add("number-cell");
            }
            views.add(view);
        }
        return views;
    }

    /**
     * The characters a header needs on one line: all of a short one; a long one wraps onto two lines (the CSS), so
     * half of it, but never less than its longest word.
     */
    static int headerWidth(String header) {
        if (header.length() <= 24) {
            return header.length();
        }
        int longestWord = 0;
        for (String word : header.split("\\s+")) {
            longestWord = Math.max(longestWord, word.length());
        }
        return Math.max(longestWord, (header.length() + 1) / 2 + 2);
    }

    /** The histogram's ten bars are made once; a score sheet only sets their heights and the count axis. */
    private void showBands(List<Integer> read) {
        steps.add(() -> {
            histogram.setVisible(!read.isEmpty());
            if (read.isEmpty()) {
                return;
            }
            XYChart.Series<String, Number> series = histogram.getData().get(0);
            for (int band = 0; band < BANDS && band < read.size(); band++) {
                series.getData().get(band).setYValue(read.get(band));
            }
            int highest = read.stream().mapToInt(Integer::intValue).max().orElse(0);
            countAxis.setUpperBound(highest + 1);
            countAxis.setTickUnit(Math.max(1, Math.ceil((highest + 1) / 10.0)));
        });
    }

    private void makeBars() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int band = 0; band < BANDS; band++) {
            series.getData().add(new XYChart.Data<>(band * 10 + "–" + (band * 10 + 10), 0));
        }
        countAxis.setAutoRanging(false);
        countAxis.setLowerBound(0);
        histogram.getData().add(series);
    }
}
