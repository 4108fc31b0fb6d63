package org.registrar.app;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.ConnectionProfile.SslMode;

/**
 * The connection form, for people rather than drivers: server, port, database, login and TLS, with a raw JDBC URL
 * under "Advanced"; a message beside each field that is wrong; a Test that runs the timed checks stage by stage
 * before anything is saved. Fields whose keys the machine-wide settings lock ({@code lockedKeys}, names as in the
 * file) are disabled, their label says "(locked)" and both carry the tooltip {@link #LOCKED_TIP}; the embedded choice
 * is locked with the server address, and by {@code demo.allowed} when the caller passes it (demo forbidden). Binds to
 * {@link ConnectionFormViewModel}. The password typed here is kept in memory only.
 */
final class ConnectionDialog {
    /** What the user saved: the profile, and the password typed for it (null when none was typed). */
    record Choice(ConnectionProfile profile, String password) {}

    private final ConnectionFormViewModel model;
    private final CheckBox embedded = new CheckBox("Use the embedded demo database on this desktop");
    private final TextField host = field("db-host", "db.school.org");
    private final TextField port = field("db-port", "5432");
    private final TextField database = field("db-name", "registrar");
    private final TextField user = field("db-user", "your login, e.g. ana");
    private final PasswordField password = new PasswordField();
    private final ComboBox<SslMode> sslMode = new ComboBox<>();
    private final TextField rootCert = field("ssl-root-cert", "school-root.pem");
    private final TextField url = field("db-url", "jdbc:postgresql://db.school.org:5432/registrar");
    private final CheckBox pgBouncer = new CheckBox("Through PgBouncer in transaction mode");
    private final Spinner<Integer> poolSize = new Spinner<>(1, ConnectionProfile.MAX_POOL_SIZE, 2);
    private final GridPane stageGrid = new GridPane();

    static final String LOCKED_TIP = ConnectionFormViewModel.LOCKED;
    private static final String LOCKED_MARK = "locked";
    private final Label verdict = new Label();

    private ConnectionDialog(ConnectionFormViewModel model) {
        this.model = model;
        bind();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Opens the form on {@code current}; nothing is locked and the password is not returned. */
    static Optional<ConnectionProfile> edit(Window owner, ConnectionProfile current) {
        return edit(owner, current, Set.of(), null).map(Choice::profile);
    }

    /**
     * Opens the form on {@code current} with {@code password} (may be null) pre-filled for the Test; the fields of
     * {@code lockedKeys} (server.host, server.port, …) are disabled.
     */
    static Optional<Choice> edit(Window owner, ConnectionProfile current, Set<String> lockedKeys, String password) {
        ConnectionFormViewModel model = newModel(lockedKeys);
        model.fill(current);
        model.password.set(password == null ? "" : password);
        return new ConnectionDialog(model).show(owner);
    }

    /**
     * No server yet (the welcome card, the demo banner): an empty address; login, TLS, PgBouncer and pool size from
     * {@code defaults} (the effective settings, machine defaults included; its URL is not used).
     */
    static Optional<Choice> firstServer(Window owner, ConnectionProfile defaults, Set<String> lockedKeys) {
        ConnectionFormViewModel model = newModel(lockedKeys);
        model.user.set(defaults.user() == null ? "" : defaults.user());
        model.sslMode.set(defaults.sslMode());
        model.rootCert.set(
                defaults.rootCertificate().map(java.nio.file.Path::toString).orElse(""));
        model.pgBouncer.set(defaults.pgBouncer());
        model.poolSize.set(defaults.poolSize());
        return new ConnectionDialog(model).show(owner);
    }

    /**
     * Opens saved settings that cannot be used, with {@code problem} shown: the URL without what is never accepted
     * (a user and password before '@', driver options after '?'), an unknown TLS mode left unchosen.
     */
    static Optional<Choice> repair(Window owner, ProfileStore.Saved saved, String problem, Set<String> lockedKeys) {
        ConnectionFormViewModel model = newModel(lockedKeys);
        model.fillServer(usableParts(saved.url()));
        model.user.set(saved.user() == null ? "" : saved.user());
        try {
            model.sslMode.set(SslMode.parse(saved.sslMode()));
        } catch (IllegalArgumentException unknown) {
            model.sslMode.set(null);
        }
        model.rootCert.set(saved.rootCert() == null ? "" : saved.rootCert());
        model.pgBouncer.set(saved.pgBouncer());
        model.poolSize.set(saved.poolSize());
        model.problem.set(problem + "\nCheck the settings below and Save, or choose the embedded database.");
        return new ConnectionDialog(model).show(owner);
    }

    private static ConnectionFormViewModel newModel(Set<String> lockedKeys) {
        Executor testThread = work -> {
            Thread thread = new Thread(work, "registrar-connection-test");
            thread.setDaemon(true);
            thread.start();
        };
        return new ConnectionFormViewModel(lockedKeys, testThread, Platform::runLater);
    }

    /** The URL without a user and password before '@' and without driver options from '?' on. */
    static String usableParts(String url) {
        int query = url.indexOf('?');
        String kept = query < 0 ? url : url.substring(0, query);
        int at = kept.lastIndexOf('@');
        if (at >= 0) {
            int slashes = kept.indexOf("//");
            kept = (slashes >= 0 && slashes < at ? kept.substring(0, slashes + 2) : "") + kept.substring(at + 1);
        }
        return kept;
    }

    private void bind() {
        embedded.selectedProperty().bindBidirectional(model.embedded);
        host.textProperty().bindBidirectional(model.host);
        port.textProperty().bindBidirectional(model.port);
        database.textProperty().bindBidirectional(model.database);
        user.textProperty().bindBidirectional(model.user);
        password.textProperty().bindBidirectional(model.password);
        password.setId("db-password");
        password.setPromptText("for the Test and this session; never saved");
        sslMode.setId("ssl-mode");
        sslMode.getItems().setAll(SslMode.values());
        sslMode.setConverter(new SslWords());
        sslMode.valueProperty().bindBidirectional(model.sslMode);
        rootCert.textProperty().bindBidirectional(model.rootCert);
        url.textProperty().bindBidirectional(model.url);
        pgBouncer.selectedProperty().bindBidirectional(model.pgBouncer);
        poolSize.getValueFactory().setValue(model.poolSize.get());
        poolSize.valueProperty().addListener((obs, was, now) -> model.poolSize.set(now));
        port.setPrefColumnCount(6);
        host.setPrefColumnCount(22);
        url.setPrefColumnCount(34);
        // the host, port and database fields give way to a raw URL typed under Advanced
        for (Node server : new Node[] {host, port, database}) {
            server.disableProperty().bind(model.embedded.or(model.url.isNotEmpty()));
        }
        for (Node other : new Node[] {user, password, sslMode, url, pgBouncer}) {
            other.disableProperty().bind(model.embedded);
        }
        rootCert.disableProperty()
                .bind(model.embedded.or(model.sslMode
                        .isNotEqualTo(SslMode.VERIFY_CA)
                        .and(model.sslMode.isNotEqualTo(SslMode.VERIFY_FULL))));
    }

    private Optional<Choice> show(Window owner) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connection settings");
        dialog.setHeaderText("Connect to your school's server");
        dialog.getDialogPane().setId("connection-form");
        dialog.getDialogPane().setContent(content(owner));
        ButtonType test = new ButtonType("Test", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(test, ButtonType.OK, ButtonType.CANCEL);
        Button testButton = (Button) dialog.getDialogPane().lookupButton(test);
        testButton.setId("test-connection");
        testButton.setMinWidth(110); // "Cancel test" fits without the button changing size
        ButtonBar.setButtonUniformSize(testButton, false);
        testButton
                .textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.testing())
                        .then("Cancel test")
                        .otherwise("Test"));
        testButton.disableProperty().bind(model.embedded);
        testButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog stays open
            if (model.testing().get()) {
                model.cancelTest();
            } else {
                model.test();
            }
        });
        Button save = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        save.setText("Save");
        save.setId("save-connection");
        // keep the dialog open, with the messages beside the fields, while the input is not valid
        save.addEventFilter(ActionEvent.ACTION, event -> {
            if (model.validate().isEmpty()) {
                event.consume();
                fitWindow(dialog);
            }
        });
        // the window grows with what the form shows: a longer verdict, the Advanced part opened
        model.verdict().addListener((obs, was, now) -> fitWindow(dialog));
        ((TitledPane) dialog.getDialogPane().getContent().lookup("#advanced"))
                .expandedProperty()
                .addListener((obs, was, now) -> fitWindow(dialog));
        dialog.setResultConverter(button -> {
            model.cancelTest();
            if (button != ButtonType.OK) {
                return null;
            }
            String typed = model.password.get();
            return model.validate()
                    .map(profile -> new Choice(profile, typed.isEmpty() ? null : typed))
                    .orElse(null);
        });
        dialog.setOnShown(event -> (model.embedded.get() ? embedded : host).requestFocus());
        return dialog.showAndWait();
    }

    /** Messages that appeared beside the fields need room: the window grows to show them and the buttons. */
    private static void fitWindow(Dialog<?> dialog) {
        Platform.runLater(() -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (window != null) {
                window.sizeToScene();
            }
        });
    }

    private VBox content(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        grid.add(locked(embedded, "server.url", "server.host", "demo.allowed"), 0, row++, 2, 1);
        Node portField = locked(port, "server.port");
        Label portLabel = new Label(isLocked(portField) ? "Port (locked)" : "Port");
        portLabel.setMinWidth(Region.USE_PREF_SIZE);
        ((Region) portField).setMinWidth(80);
        ((Region) portField).setMaxWidth(90);
        HBox serverRow = new HBox(8, locked(host, "server.host"), portLabel, portField);
        serverRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(serverRow.getChildren().get(0), Priority.ALWAYS);
        row = addRow(grid, row, "Server", serverRow, errors(model.hostError, model.portError));
        row = addRow(grid, row, "Database", locked(database, "server.database"), error(model.databaseError));
        row = addRow(grid, row, "Login", locked(user, "login.hint"), error(model.userError));
        row = addRow(grid, row, "Password", password, null);
        row = addRow(grid, row, "Encryption (TLS)", locked(sslMode, "server.sslmode"), null);
        row = addRow(grid, row, "Root certificate", certRow(owner), error(model.sslError));
        Label problem = error(model.problem);
        problem.setId("connection-error");
        grid.add(problem, 0, row, 2, 1);

        TitledPane advanced = new TitledPane("Advanced", advancedGrid());
        advanced.setId("advanced");
        advanced.setExpanded(!model.url.get().isEmpty() || !model.urlError.get().isEmpty());
        model.urlError.addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                advanced.setExpanded(true);
            }
        });
        VBox content = new VBox(10, grid, advanced, testSection());
        content.setPadding(new Insets(8, 16, 4, 16));
        content.setPrefWidth(640);
        return content;
    }

    private GridPane advancedGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        Label hint = new Label("A JDBC URL here is used instead of server, port and database.");
        hint.getStyleClass().add("text-muted");
        grid.add(hint, 0, row++, 2, 1);
        row = addRow(grid, row, "JDBC URL", locked(url, "server.url"), error(model.urlError));
        grid.add(locked(pgBouncer, "server.pgbouncer"), 1, row++);
        addRow(grid, row, "Connections", locked(poolSize, "pool.size"), null);
        return grid;
    }

    private HBox certRow(Window owner) {
        Button browse = new Button("Browse…");
        browse.disableProperty().bind(rootCert.disableProperty());
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Root certificate");
            var file = chooser.showOpenDialog(owner);
            if (file != null) {
                model.rootCert.set(file.getPath());
            }
        });
        Node cert = locked(rootCert, "server.sslrootcert");
        HBox certRow = new HBox(6, cert, browse);
        HBox.setHgrow(cert, Priority.ALWAYS);
        return certRow;
    }

    private static int addRow(GridPane grid, int row, String name, Node field, Label message) {
        boolean locked = isLocked(field);
        Label label = new Label(locked ? name + " (locked)" : name);
        label.setMinWidth(Region.USE_PREF_SIZE); // never cut to "Encryption (TL…"
        if (locked) {
            label.setTooltip(new Tooltip(LOCKED_TIP));
        }
        grid.addRow(row++, label, field);
        if (message != null) {
            grid.add(message, 1, row++);
        }
        return row;
    }

    /**
     * The control, disabled with the reason when the machine-wide settings lock one of {@code keys}. A disabled
     * control shows no tooltip, so its holder carries the reason too, and its row's label says "(locked)".
     */
    private Node locked(Control control, String... keys) {
        StackPane holder = new StackPane(control);
        holder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        control.setMaxWidth(Double.MAX_VALUE);
        if (java.util.Arrays.stream(keys).anyMatch(model::locked)) {
            control.disableProperty().unbind();
            control.setDisable(true);
            Tooltip reason = new Tooltip(LOCKED_TIP);
            control.setTooltip(reason);
            Tooltip.install(holder, reason);
            holder.getProperties().put(LOCKED_MARK, Boolean.TRUE);
        }
        return holder;
    }

    /** Whether a row's field is locked; in a row of several (server and port, certificate and Browse), its first. */
    private static boolean isLocked(Node field) {
        if (field.getProperties().containsKey(LOCKED_MARK)) {
            return true;
        }
        return field instanceof HBox box
                && !box.getChildren().isEmpty()
                && box.getChildren().get(0).getProperties().containsKey(LOCKED_MARK);
    }

    private static Label error(StringProperty message) {
        Label label = new Label();
        label.getStyleClass().addAll("danger", "field-error");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(message);
        label.managedProperty().bind(message.isNotEmpty());
        label.visibleProperty().bind(message.isNotEmpty());
        return label;
    }

    private static Label errors(StringProperty first, StringProperty second) {
        Label label = error(first);
        label.textProperty().unbind();
        label.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> (first.get() + "\n" + second.get()).strip(), first, second));
        label.managedProperty().bind(first.isNotEmpty().or(second.isNotEmpty()));
        label.visibleProperty().bind(label.managedProperty());
        label.setId("server-error");
        return label;
    }

    private VBox testSection() {
        stageGrid.setId("test-stages");
        stageGrid.setHgap(12);
        stageGrid.setVgap(3);
        ColumnConstraints detail = new ColumnConstraints();
        detail.setHgrow(Priority.ALWAYS);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(130);
        ColumnConstraints state = new ColumnConstraints();
        state.setMinWidth(70);
        ColumnConstraints time = new ColumnConstraints();
        time.setMinWidth(70);
        stageGrid.getColumnConstraints().setAll(name, state, time, detail);
        model.stages().addListener((ListChangeListener<ConnectionFormViewModel.Stage>) change -> showStages());
        showStages();
        verdict.setId("test-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdict());
        model.verdictGood()
                .addListener((obs, was, good) -> verdict.getStyleClass().setAll("label", good ? "success" : "danger"));
        Label heading = new Label("Test before saving: each stage, its time and what it found");
        heading.getStyleClass().add("text-muted");
        VBox section = new VBox(6, heading, stageGrid, verdict);
        section.getStyleClass().add("test-section");
        return section;
    }

    private void showStages() {
        stageGrid.getChildren().clear();
        int row = 0;
        for (ConnectionFormViewModel.Stage stage : model.stages()) {
            Label state = new Label(stage.state().label());
            state.getStyleClass()
                    .add(
                            switch (stage.state()) {
                                case OK -> "success";
                                case FAILED -> "danger";
                                case RUNNING -> "accent";
                                default -> "text-muted";
                            });
            Label time = new Label(stage.time());
            time.getStyleClass().add("monospace");
            Label detail = new Label(stage.detail());
            detail.setWrapText(true);
            detail.setMaxWidth(360);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            stageGrid.addRow(row++, new Label(stage.name()), state, time, detail);
        }
    }

    /** sslmode values in words. */
    private static final class SslWords extends StringConverter<SslMode> {
        @Override
        public String toString(SslMode mode) {
            if (mode == null) {
                return "";
            }
            return switch (mode) {
                case DISABLE -> "disable: never encrypt";
                case ALLOW -> "allow: encrypt only if the server insists";
                case PREFER -> "prefer: encrypt if the server offers it";
                case REQUIRE -> "require: always encrypt, certificate not checked";
                case VERIFY_CA -> "verify-ca: encrypt, check the certificate";
                case VERIFY_FULL -> "verify-full: encrypt, check certificate and name";
            };
        }

        @Override
        public SslMode fromString(String text) {
            return SslMode.parse(text.split(":")[0]);
        }
    }
}
