package org.registrar.health;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.Question;
import org.registrar.i18n.Messages;

/**
 * The server tab: connections against max_connections, sessions grouped, every session with its age and who
 * blocks it, and cancel / terminate with a confirmation naming the session.
 */
final class ServerPane {
    private final ServerViewModel model;
    private final VBox root;
    private final TableView<ServerSession> sessions;

    private final DialogService dialogs;

    /** Below this width the groups go above the sessions: side by side their column headers would be cut. */
    private static final double SIDE_BY_SIDE = 1200;

    /** A table's header and one row: what a table keeps when the window is at its smallest. */
    private static final double TABLE_MIN_HEIGHT = 64;

    ServerPane(ServerViewModel model, DialogService dialogs) {
        this.dialogs = dialogs;
        this.model = model;
        Label connections = new Label();
        connections.setId("server-connections");
        connections.textProperty().bind(model.connectionsProperty());
        // longer in German, French and Spanish than the window at 1024 px: it wraps rather than losing its end
        connections.setWrapText(true);
        connections.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(connections, Priority.ALWAYS);
        ProgressBar used = new ProgressBar();
        used.setId("server-used");
        used.setPrefWidth(160);
        used.progressProperty().bind(model.usedShareProperty());
        Label alerts = new Label();
        alerts.setId("server-alerts");
        alerts.setWrapText(true);
        alerts.textProperty().bind(model.alertsProperty());
        model.alertingProperty()
                .addListener((obs, was, alerting) ->
                        alerts.getStyleClass().setAll("label", alerting ? "danger" : "warning-text"));
        Label missing = new Label();
        missing.setId("server-missing");
        missing.setWrapText(true);
        missing.getStyleClass().add("warning-text");
        missing.textProperty().bind(model.missingProperty());
        missing.visibleProperty().bind(model.missingProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());
        alerts.visibleProperty().bind(model.alertsProperty().isNotEmpty());
        alerts.managedProperty().bind(alerts.visibleProperty());
        sessions = sessionsTable();
        SplitPane tables = new SplitPane(groupsTable(), sessions);
        tables.setDividerPositions(0.35);
        // side by side where there is room for both tables' columns, one above the other on a small desk
        tables.orientationProperty()
                .bind(javafx.beans.binding.Bindings.when(tables.widthProperty().lessThan(SIDE_BY_SIDE))
                        .then(Orientation.VERTICAL)
                        .otherwise(Orientation.HORIZONTAL));
        VBox.setVgrow(tables, Priority.ALWAYS);
        // on a small desk the tables give up height, not the buttons and the hint under them
        tables.setMinHeight(0);
        tables.getItems().forEach(table -> ((Region) table).setMinHeight(TABLE_MIN_HEIGHT));
        HBox summary = new HBox(12, used, connections);
        root = new VBox(8, summary, missing, alerts, tables, actions());
        root.setPadding(new Insets(8));
    }

    private TableView<ServerActivity.Group> groupsTable() {
        TableView<ServerActivity.Group> table = new TableView<>(model.groups());
        table.setId("server-groups");
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.application"), 200, ServerActivity.Group::application));
        table.getColumns()
                .add(HealthTables.column(Messages.text("health.column.user"), 110, ServerActivity.Group::user));
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.client"), 110, ServerActivity.Group::clientAddress));
        table.getColumns()
                .add(HealthTables.column(Messages.text("health.column.state"), 130, ServerActivity.Group::state));
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.sessions"), 70, group -> String.valueOf(group.sessions())));
        table.setPlaceholder(new Label(Messages.text("health.polling")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private TableView<ServerSession> sessionsTable() {
        // Registered before the table's own listener, so it still sees the chosen row: each poll refills the list
        // with new rows, which clears the choice (and turns Cancel/Terminate off) every few seconds
        model.sessions().addListener((ListChangeListener<ServerSession>) change -> keepChosenSession());
        TableView<ServerSession> table = new TableView<>(model.sessions());
        table.setId("server-sessions");
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.pid"), 70, session -> String.valueOf(session.pid())));
        table.getColumns().add(HealthTables.column(Messages.text("health.column.user"), 100, ServerSession::user));
        table.getColumns()
                .add(HealthTables.column(Messages.text("health.column.application"), 180, ServerSession::application));
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.state"),
                        140,
                        session -> session.category().label()));
        table.getColumns().add(HealthTables.column(Messages.text("health.column.for"), 90, ServerPane::age));
        table.getColumns().add(HealthTables.column(Messages.text("health.column.blocked"), 90, ServerPane::blockers));
        table.getColumns()
                .add(HealthTables.column(
                        Messages.text("health.column.query"), 400, session -> HealthTables.oneLine(session.query())));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ServerSession session, boolean empty) {
                super.updateItem(session, empty);
                getStyleClass().removeAll("session-warning", "session-alert");
                if (!empty && session != null) {
                    switch (session.level(model.settings())) {
                        case ALERT -> getStyleClass().add("session-alert");
                        case WARNING -> getStyleClass().add("session-warning");
                        default -> {}
                    }
                }
            }
        });
        table.setPlaceholder(new Label(Messages.text("health.polling")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** Chooses again, once the table has taken in a poll's rows, the session (by pid) that was chosen before it. */
    private void keepChosenSession() {
        ServerSession chosen =
                sessions == null ? null : sessions.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            return;
        }
        int pid = chosen.pid();
        Platform.runLater(() -> model.sessions().stream()
                .filter(row -> row.pid() == pid)
                .findFirst()
                .ifPresent(row -> sessions.getSelectionModel().select(row)));
    }

    private static String age(ServerSession session) {
        return switch (session.category()) {
            case ACTIVE, WAITING -> HealthFormat.duration(session.queryAge());
            case IDLE_IN_TRANSACTION -> HealthFormat.duration(session.transactionAge());
            default -> HealthFormat.duration(session.stateAge());
        };
    }

    private static String blockers(ServerSession session) {
        return session.blockedBy().isEmpty()
                ? ""
                : session.blockedBy().toString().replaceAll("[\\[\\]]", "");
    }

    private Node actions() {
        Button cancel = new Button(Messages.text("health.cancel-query"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancel-backend");
        Button terminate = new Button(Messages.text("health.terminate"));
        terminate.setMinWidth(Region.USE_PREF_SIZE);
        terminate.setId("terminate-backend");
        var selected = sessions.getSelectionModel().selectedItemProperty();
        cancel.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> !model.maySignal(selected.get()), selected));
        terminate.disableProperty().bind(cancel.disableProperty());
        cancel.setOnAction(event -> {
            ServerSession session = selected.get();
            if (session != null) {
                confirm(Messages.text("health.cancel-query.question", session.pid()), session, model::cancel);
            }
        });
        terminate.setOnAction(event -> {
            ServerSession session = selected.get();
            if (session != null) {
                confirm(Messages.text("health.terminate.question", session.pid()), session, model::terminate);
            }
        });
        Label message = new Label();
        message.setId("server-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        Label hint = new Label(Messages.text("health.signal.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane buttons = new FlowPane(8, 4, cancel, terminate, message);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, buttons, hint);
    }

    /** Asks {@code question} before signalling {@code session}; {@code signal} runs only when the user confirms. */
    private void confirm(String question, ServerSession session, Consumer<ServerSession> signal) {
        dialogs.confirm(
                new Question(
                        "signal-confirmation",
                        Messages.text("shell.brand"),
                        question,
                        Messages.text("health.signal.details", question, session.describe()),
                        Messages.text("health.signal.ok"),
                        Messages.text("health.signal.cancel")),
                () -> signal.accept(session),
                () -> {});
    }

    Node root() {
        return root;
    }
}
