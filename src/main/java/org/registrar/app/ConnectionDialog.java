package org.registrar.app;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
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
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.ConnectionProfile.SslMode;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The connection form, for people rather than drivers: server, port, database, login and TLS, with a raw JDBC URL
 * under "Advanced"; a message beside each field that is wrong; a Test that runs the timed checks stage by stage
 * before anything is saved. Fields whose keys the machine-wide settings lock ({@code lockedKeys}, names as in the
 * file) are disabled, their label says "(locked)" and both carry the tooltip {@link ConnectionFormViewModel#locked()}; the embedded choice
 * is locked with the server address, and by {@code demo.allowed} when the caller passes it (demo forbidden). Binds to
 * {@link ConnectionFormViewModel}. The password typed here is kept in memory only.
 */
final class ConnectionDialog {
    /** What the user saved: the profile, and the password typed for it (null when none was typed). */
    record Choice(ConnectionProfile profile, String password) {}

    private final ConnectionFormViewModel model;
    private final VBox content;

    private static final String LOCKED_MARK = "locked";

    @FXML
    private CheckBox embedded;

    @FXML
    private TextField host;

    @FXML
    private TextField port;

    @FXML
    private TextField database;

    @FXML
    private TextField user;

    @FXML
    private PasswordField password;

    @FXML
    private ComboBox<SslMode> sslMode;

    @FXML
    private TextField rootCert;

    @FXML
    private Button browse;

    @FXML
    private TextField url;

    @FXML
    private CheckBox pgBouncer;

    @FXML
    private Spinner<Integer> poolSize;

    @FXML
    private GridPane stageGrid;

    @FXML
    private Label verdict;

    @FXML
    private TitledPane advanced;

    @FXML
    private StackPane embeddedHolder;

    @FXML
    private StackPane hostHolder;

    @FXML
    private StackPane portHolder;

    @FXML
    private StackPane databaseHolder;

    @FXML
    private StackPane userHolder;

    @FXML
    private StackPane sslHolder;

    @FXML
    private StackPane certHolder;

    @FXML
    private StackPane urlHolder;

    @FXML
    private StackPane pgBouncerHolder;

    @FXML
    private StackPane poolHolder;

    @FXML
    private Label serverLabel;

    @FXML
    private Label portLabel;

    @FXML
    private Label databaseLabel;

    @FXML
    private Label userLabel;

    @FXML
    private Label passwordLabel;

    @FXML
    private Label sslLabel;

    @FXML
    private Label certLabel;

    @FXML
    private Label urlLabel;

    @FXML
    private Label poolLabel;

    @FXML
    private Label serverError;

    @FXML
    private Label databaseError;

    @FXML
    private Label userError;

    @FXML
    private Label sslError;

    @FXML
    private Label urlError;

    @FXML
    private Label problem;

    private Window owner;

    private ConnectionDialog(ConnectionFormViewModel model) {
        this.model = model;
        this.content = Fxml.load(this);
        poolSize.setValueFactory(
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, ConnectionProfile.MAX_POOL_SIZE, 2));
        bind();
        lockAndLabel();
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
        model.problem.set(problem + "\n" + Messages.text("connection.repair"));
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
        sslMode.getItems().setAll(SslMode.values());
        sslMode.setConverter(new SslWords());
        sslMode.valueProperty().bindBidirectional(model.sslMode);
        rootCert.textProperty().bindBidirectional(model.rootCert);
        url.textProperty().bindBidirectional(model.url);
        pgBouncer.selectedProperty().bindBidirectional(model.pgBouncer);
        poolSize.getValueFactory().setValue(model.poolSize.get());
        poolSize.valueProperty().addListener((obs, was, now) -> model.poolSize.set(now));
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
        browse.disableProperty().bind(rootCert.disableProperty());
        error(databaseError, model.databaseError);
        error(userError, model.userError);
        error(sslError, model.sslError);
        error(urlError, model.urlError);
        error(problem, model.problem);
        errors(serverError, model.hostError, model.portError);
        advanced.setExpanded(!model.url.get().isEmpty() || !model.urlError.get().isEmpty());
        model.urlError.addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                advanced.setExpanded(true);
            }
        });
        testSection();
    }

    /** Each label names its field for screen readers and its mnemonic; locked fields are disabled with the reason. */
    private void lockAndLabel() {
        locked(embeddedHolder, embedded, "server.url", "server.host", "demo.allowed");
        label(serverLabel, host, locked(hostHolder, host, "server.host"));
        label(portLabel, port, locked(portHolder, port, "server.port"));
        label(databaseLabel, database, locked(databaseHolder, database, "server.database"));
        label(userLabel, user, locked(userHolder, user, "login.hint"));
        label(passwordLabel, password, false);
        label(sslLabel, sslMode, locked(sslHolder, sslMode, "server.sslmode"));
        label(certLabel, rootCert, locked(certHolder, rootCert, "server.sslrootcert"));
        label(urlLabel, url, locked(urlHolder, url, "server.url"));
        locked(pgBouncerHolder, pgBouncer, "server.pgbouncer");
        label(poolLabel, poolSize, locked(poolHolder, poolSize, "pool.size"));
    }

    private static void label(Label label, Node field, boolean locked) {
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        if (locked) {
            label.setText(Messages.text("connection.locked", label.getText()));
            label.setTooltip(new Tooltip(ConnectionFormViewModel.locked()));
        }
    }

    private Optional<Choice> show(Window owner) {
        this.owner = owner;
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.text("connection.title"));
        dialog.setHeaderText(Messages.text("connection.header"));
        dialog.getDialogPane().setId("connection-form");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane()
                .getStylesheets()
                .add(ConnectionDialog.class.getResource("ConnectionDialog.css").toExternalForm());
        ButtonType test = new ButtonType(Messages.text("connection.test"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(test, ButtonType.OK, ButtonType.CANCEL);
        Button testButton = (Button) dialog.getDialogPane().lookupButton(test);
        testButton.setId("test-connection");
        testButton.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(testButton, false);
        String testWords = Messages.text("connection.test");
        String cancelTestWords = Messages.text("connection.test.cancel");
        testButton
                .textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.testing())
                        .then(cancelTestWords)
                        .otherwise(testWords));
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
        save.setText(Messages.text("connection.save"));
        save.setId("save-connection");
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setText(Messages.text("connection.cancel"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        // keep the dialog open, with the messages beside the fields, while the input is not valid
        save.addEventFilter(ActionEvent.ACTION, event -> {
            if (model.validate().isEmpty()) {
                event.consume();
                fitWindow(dialog);
            }
        });
        // the window grows with what the form shows: a longer verdict, the Advanced part opened
        model.verdict().addListener((obs, was, now) -> fitWindow(dialog));
        advanced.expandedProperty().addListener((obs, was, now) -> fitWindow(dialog));
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

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.text("connection.cert.choose"));
        var file = chooser.showOpenDialog(owner);
        if (file != null) {
            model.rootCert.set(file.getPath());
        }
    }

    /**
     * Disables {@code control} with the reason when the machine-wide settings lock one of {@code keys}. A disabled
     * control shows no tooltip, so its holder carries the reason too; the caller's label then says "(locked)".
     */
    private boolean locked(StackPane holder, Control control, String... keys) {
        if (java.util.Arrays.stream(keys).noneMatch(model::locked)) {
            return false;
        }
        control.disableProperty().unbind();
        control.setDisable(true);
        Tooltip reason = new Tooltip(ConnectionFormViewModel.locked());
        control.setTooltip(reason);
        Tooltip.install(holder, reason);
        holder.getProperties().put(LOCKED_MARK, Boolean.TRUE);
        return true;
    }

    /** A message under a field: shown (and taking room) only while there is one; wraps rather than widening. */
    private static void error(Label label, StringProperty message) {
        label.getStyleClass().addAll("danger", "field-error");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(message);
        label.managedProperty().bind(message.isNotEmpty());
        label.visibleProperty().bind(message.isNotEmpty());
    }

    private static void errors(Label label, StringProperty first, StringProperty second) {
        error(label, first);
        label.textProperty().unbind();
        label.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> (first.get() + "\n" + second.get()).strip(), first, second));
        label.managedProperty().bind(first.isNotEmpty().or(second.isNotEmpty()));
        label.visibleProperty().bind(label.managedProperty());
    }

    private void testSection() {
        model.stages().addListener((ListChangeListener<ConnectionFormViewModel.Stage>) change -> showStages());
        showStages();
        verdict.textProperty().bind(model.verdict());
        model.verdictGood()
                .addListener((obs, was, good) -> verdict.getStyleClass().setAll("label", good ? "success" : "danger"));
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
                case DISABLE -> Messages.text("connection.tls.disable");
                case ALLOW -> Messages.text("connection.tls.allow");
                case PREFER -> Messages.text("connection.tls.prefer");
                case REQUIRE -> Messages.text("connection.tls.require");
                case VERIFY_CA -> Messages.text("connection.tls.verify-ca");
                case VERIFY_FULL -> Messages.text("connection.tls.verify-full");
            };
        }

        @Override
        public SslMode fromString(String text) {
            return SslMode.parse(text.split(":")[0].strip());
        }
    }
}
