package org.registrar.health;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.Question;

/**
 * The server tab: connections against max_connections, sessions grouped, every session with its age and who
 * blocks it, and cancel / terminate with a confirmation naming the session.
 */
final class ServerPane {
    private final ServerViewModel model;
    private final VBox root;
    private final TableView<ServerSession> sessions;

    private final DialogService dialogs;

    ServerPane(ServerViewModel model, DialogService dialogs) {
        this.dialogs = dialogs;
        this.model = model;
        Label connections = new Label();
        connections.setId("server-connections");
        connections.textProperty().bind(model.connectionsProperty());
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
        VBox.setVgrow(tables, Priority.ALWAYS);
        HBox summary = new HBox(12, used, connections);
        root = new VBox(8, summary, missing, alerts, tables, actions());
        root.setPadding(new Insets(8));
    }

    private TableView<ServerActivity.Group> groupsTable() {
        TableView<ServerActivity.Group> table = new TableView<>(model.groups());
        table.setId("server-groups");
        table.getColumns().add(HealthTables.column("Application", 200, ServerActivity.Group::application));
        table.getColumns().add(HealthTables.column("User", 110, ServerActivity.Group::user));
        table.getColumns().add(HealthTables.column("Client", 110, ServerActivity.Group::clientAddress));
        table.getColumns().add(HealthTables.column("State", 130, ServerActivity.Group::state));
        table.getColumns().add(HealthTables.column("Sessions", 70, group -> String.valueOf(group.sessions())));
        table.setPlaceholder(new Label("Polling the server…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private TableView<ServerSession> sessionsTable() {
        // Registered before the table's own listener, so it still sees the chosen row: each poll refills the list
        // with new rows, which clears the choice (and turns Cancel/Terminate off) every few seconds
        model.sessions().addListener((ListChangeListener<ServerSession>) change -> keepChosenSession());
        TableView<ServerSession> table = new TableView<>(model.sessions());
        table.setId("server-sessions");
        table.getColumns().add(HealthTables.column("pid", 70, session -> String.valueOf(session.pid())));
        table.getColumns().add(HealthTables.column("User", 100, ServerSession::user));
        table.getColumns().add(HealthTables.column("Application", 180, ServerSession::application));
        table.getColumns()
                .add(HealthTables.column(
                        "State", 140, session -> session.category().label()));
        table.getColumns().add(HealthTables.column("For", 90, ServerPane::age));
        table.getColumns().add(HealthTables.column("Blocked by", 90, ServerPane::blockers));
        table.getColumns().add(HealthTables.column("Query", 400, session -> HealthTables.oneLine(session.query())));
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
        table.setPlaceholder(new Label("Polling the server…"));
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
        Button cancel = new Button("Cancel query…");
        cancel.setId("cancel-backend");
        Button terminate = new Button("Terminate session…");
        terminate.setId("terminate-backend");
        var selected = sessions.getSelectionModel().selectedItemProperty();
        cancel.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> !model.maySignal(selected.get()), selected));
        terminate.disableProperty().bind(cancel.disableProperty());
        cancel.setOnAction(event -> confirm("Cancel the running query of", selected.get(), model::cancel));
        terminate.setOnAction(event ->
                confirm("Terminate the session (its open transaction rolls back)", selected.get(), model::terminate));
        Label message = new Label();
        message.setId("server-message");
        message.textProperty().bind(model.messageProperty());
        Label hint =
                new Label("Enabled for sessions your role may signal (pg_signal_backend, same role or superuser).");
        hint.getStyleClass().add("text-muted");
        return new HBox(8, cancel, terminate, message, hint);
    }

    /** Asks before signalling {@code session}; {@code signal} runs only when the user confirms. */
    private void confirm(String action, ServerSession session, Consumer<ServerSession> signal) {
        if (session == null) {
            return;
        }
        dialogs.confirm(
                new Question(
                        "signal-confirmation",
                        "Registrar",
                        action + " pid " + session.pid() + "?",
                        action + "?\n\n" + session.describe(),
                        "OK",
                        "Cancel"),
                () -> signal.accept(session),
                () -> {});
    }

    Node root() {
        return root;
    }
}
