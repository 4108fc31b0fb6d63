package org.registrar.assessments.history;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window listing result changes newest first: when, who, student, assessment, old → new, batch. A scope picker
 * switches between the student's changes here, in all assessments, and the whole assessment. FX thread only.
 */
public final class HistoryView {
    private final HistoryViewModel model;
    private final BorderPane root = new BorderPane();

    HistoryView(HistoryViewModel model) {
        this.model = model;
        root.setTop(header());
        root.setCenter(table());
        root.setBottom(footer());
        root.setPadding(new Insets(16));
        root.setId("history-pane");
        root.getStyleClass().add("history");
    }

    /** Opens the history in its own window beside the screen and loads its newest page. */
    public static Stage open(HistoryViewModel model, Window owner, HistoryScope scope) {
        HistoryView view = new HistoryView(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        Scene scene = new Scene(view.root, 1000, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(model::title, model.scopeProperty()));
        model.show(scope);
        stage.show();
        return stage;
    }

    private VBox header() {
        Label title = new Label();
        title.setId("history-title");
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.createStringBinding(model::title, model.scopeProperty()));
        ComboBox<HistoryScope> scopes = new ComboBox<>();
        scopes.setId("history-scope");
        scopes.getItems().setAll(model.scopes());
        scopes.valueProperty().bindBidirectional(model.scopeProperty());
        scopes.valueProperty().addListener((obs, was, now) -> {
            if (now != null && was != null && now != was) {
                model.show(now);
            }
        });
        scopes.setDisable(model.scopes().length < 2);
        Label show = new Label("Show");
        HBox row = new HBox(8, show, scopes);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, row);
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    private TableView<HistoryLine> table() {
        TableView<HistoryLine> table = new TableView<>(model.lines());
        table.setId("history-table");
        table.setPlaceholder(new Label("No changes recorded yet."));
        table.getColumns().add(column("When", 170, HistoryLine::when));
        table.getColumns().add(column("Who", 100, HistoryLine::who));
        table.getColumns().add(column("Student", 230, HistoryLine::student));
        table.getColumns().add(column("Assessment", 160, HistoryLine::assessment));
        table.getColumns().add(column("Batch", 90, HistoryLine::batch));
        table.getColumns().add(column("Change", 200, HistoryLine::change));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<HistoryLine, String> column(
            String title, double width, java.util.function.Function<HistoryLine, String> value) {
        TableColumn<HistoryLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        column.setPrefWidth(width);
        column.setMinWidth(title.equals("When") || title.equals("Batch") ? width : Math.min(width, 80));
        column.setSortable(false);
        return column;
    }

    private HBox footer() {
        Label status = new Label();
        status.setId("history-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.busyProperty());
        Button more = new Button("Load more");
        more.setId("history-more");
        more.setOnAction(event -> model.loadMore());
        more.disableProperty().bind(model.moreProperty().not().or(model.busyProperty()));
        Button close = new Button("Close");
        close.setId("history-close");
        close.setCancelButton(true);
        close.setOnAction(event -> root.getScene().getWindow().hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spinner, spacer, more, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 0, 0, 0));
        return bar;
    }
}
