package org.registrar.assessments.history;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * A window listing result changes newest first: when, who, student, assessment, old → new, batch. A scope picker
 * switches between the student's changes here, in all assessments, and the whole assessment. Layout:
 * HistoryView.fxml. FX thread only.
 */
public final class HistoryView {
    private final HistoryViewModel model;
    private final BorderPane root;

    @FXML
    private Label title;

    @FXML
    private Label showLabel;

    @FXML
    private ComboBox<HistoryScope> scopes;

    @FXML
    private TableView<HistoryLine> table;

    @FXML
    private Label status;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private Button more;

    HistoryView(HistoryViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
        bindHeader();
        bindTable();
        bindFooter();
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

    private void bindHeader() {
        title.textProperty().bind(Bindings.createStringBinding(model::title, model.scopeProperty()));
        scopes.getItems().setAll(model.scopes());
        scopes.valueProperty().bindBidirectional(model.scopeProperty());
        scopes.valueProperty().addListener((obs, was, now) -> {
            if (now != null && was != null && now != was) {
                model.show(now);
            }
        });
        scopes.setDisable(model.scopes().length < 2);
        showLabel.setLabelFor(scopes);
    }

    private void bindTable() {
        table.setItems(model.lines());
        table.getColumns().add(column(Messages.text("assessments.history.when"), 170, true, HistoryLine::when));
        table.getColumns().add(column(Messages.text("assessments.history.who"), 100, false, HistoryLine::who));
        table.getColumns().add(column(Messages.text("assessments.history.student"), 230, false, HistoryLine::student));
        table.getColumns()
                .add(column(Messages.text("assessments.history.assessment"), 160, false, HistoryLine::assessment));
        table.getColumns().add(column(Messages.text("assessments.history.batch"), 90, true, HistoryLine::batch));
        table.getColumns().add(column(Messages.text("assessments.history.change"), 200, false, HistoryLine::change));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<HistoryLine, String> column(
            String title, double width, boolean whole, java.util.function.Function<HistoryLine, String> value) {
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
        Text header = new Text(title);
        header.setFont(Font.font(
                Font.getDefault().getFamily(),
                FontWeight.BOLD,
                Font.getDefault().getSize() * 1.15));
        double needed = Math.ceil(header.getLayoutBounds().getWidth()) + 24;
        column.setPrefWidth(Math.max(width, needed));
        column.setMinWidth(Math.max(whole ? width : Math.min(width, 80), needed));
        column.setSortable(false);
        return column;
    }

    private void bindFooter() {
        status.textProperty().bind(model.statusProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        more.disableProperty().bind(model.moreProperty().not().or(model.busyProperty()));
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
