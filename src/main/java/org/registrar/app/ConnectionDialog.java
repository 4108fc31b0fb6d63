package org.registrar.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.registrar.db.ConnectionProfile;

/**
 * Edits the saved connection profile: server URL, user, TLS, PgBouncer mode and pool size. The password is asked
 * for at connect time, never stored. Fields whose keys the machine file locks ({@code lockedKeys}, names as in the
 * file) are disabled with the tooltip {@link #LOCKED_TIP}.
 */
final class ConnectionDialog {
    private final CheckBox embedded = new CheckBox("Use the embedded demo database on this desktop");
    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final ComboBox<ConnectionProfile.SslMode> sslMode = new ComboBox<>();
    private final TextField rootCert = new TextField();
    private final CheckBox pgBouncer = new CheckBox("Through PgBouncer in transaction mode");
    private final Spinner<Integer> poolSize =
            new Spinner<>(1, ConnectionProfile.MAX_POOL_SIZE, ConnectionProfile.DEFAULT_POOL_SIZE);
    private final Label error = new Label();
    private final Button browse = new Button("Browse…");

    static final String LOCKED_TIP = "Set by your school's IT department";

    private ConnectionDialog(ConnectionProfile current) {
        this(
                current.isEmbedded(),
                current.isEmbedded() ? "" : current.url(),
                current.isEmbedded() ? "" : current.user(),
                current.isEmbedded() ? ConnectionProfile.SslMode.PREFER : current.sslMode(),
                current.rootCertificate().map(Path::toString).orElse(""),
                current.pgBouncer(),
                current.poolSize());
    }

    private ConnectionDialog(
            boolean isEmbedded,
            String urlText,
            String userText,
            ConnectionProfile.SslMode mode,
            String certText,
            boolean throughPgBouncer,
            int connections) {
        url.setId("db-url");
        url.setPromptText("jdbc:postgresql://db.school.example:5432/registrar");
        user.setId("db-user");
        sslMode.getItems().setAll(ConnectionProfile.SslMode.values());
        error.setId("connection-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        sslMode.setId("ssl-mode");
        embedded.setSelected(isEmbedded);
        url.setText(urlText);
        user.setText(userText == null ? "" : userText);
        sslMode.setValue(mode);
        rootCert.setText(certText == null ? "" : certText);
        pgBouncer.setSelected(throughPgBouncer);
        poolSize.getValueFactory().setValue(connections);
        for (var control : new javafx.scene.Node[] {url, user, sslMode, rootCert, pgBouncer}) {
            control.disableProperty().bind(embedded.selectedProperty());
        }
    }

    static Optional<ConnectionProfile> edit(Window owner, ConnectionProfile current) {
        return edit(owner, current, Set.of());
    }

    static Optional<ConnectionProfile> edit(Window owner, ConnectionProfile current, Set<String> lockedKeys) {
        ConnectionDialog dialog = new ConnectionDialog(current);
        dialog.lock(lockedKeys);
        return dialog.show(owner);
    }

    /**
     * No server yet (the welcome card, the demo banner): an empty address; login, TLS, PgBouncer and pool size from
     * {@code defaults} (the effective settings, machine defaults included; its URL is not used).
     */
    static Optional<ConnectionProfile> firstServer(Window owner, ConnectionProfile defaults, Set<String> lockedKeys) {
        ConnectionDialog dialog = new ConnectionDialog(
                false,
                "",
                defaults.user(),
                defaults.sslMode(),
                defaults.rootCertificate().map(Path::toString).orElse(""),
                defaults.pgBouncer(),
                defaults.poolSize());
        dialog.lock(lockedKeys);
        return dialog.show(owner);
    }

    /** Disables the fields of locked keys (the embedded choice too when the server address is locked). */
    private void lock(Set<String> lockedKeys) {
        lockIf(lockedKeys, "server.url", url, embedded);
        lockIf(lockedKeys, "server.host", url, embedded);
        lockIf(lockedKeys, "login.hint", user);
        lockIf(lockedKeys, "server.sslmode", sslMode);
        lockIf(lockedKeys, "server.sslrootcert", rootCert, browse);
        lockIf(lockedKeys, "server.pgbouncer", pgBouncer);
        lockIf(lockedKeys, "pool.size", poolSize);
    }

    private static void lockIf(Set<String> lockedKeys, String key, javafx.scene.control.Control... controls) {
        if (!lockedKeys.contains(key)) {
            return;
        }
        for (var control : controls) {
            control.disableProperty().unbind();
            control.setDisable(true);
            // a disabled control shows no tooltip of its own: the row's label carries it too (see form)
            control.setTooltip(new javafx.scene.control.Tooltip(LOCKED_TIP));
            control.getProperties().put("locked", Boolean.TRUE);
        }
    }

    /**
     * Opens saved settings that cannot be used, with {@code problem} shown: the URL without what is never accepted
     * (a user and password before '@', driver options after '?'), an unknown TLS mode left unchosen.
     */
    static Optional<ConnectionProfile> repair(Window owner, ProfileStore.Saved saved, String problem) {
        return repair(owner, saved, problem, Set.of());
    }

    static Optional<ConnectionProfile> repair(
            Window owner, ProfileStore.Saved saved, String problem, Set<String> lockedKeys) {
        ConnectionProfile.SslMode mode;
        try {
            mode = ConnectionProfile.SslMode.parse(saved.sslMode());
        } catch (IllegalArgumentException unknown) {
            mode = null;
        }
        ConnectionDialog dialog = new ConnectionDialog(
                false,
                usableParts(saved.url()),
                saved.user(),
                mode,
                saved.rootCert(),
                saved.pgBouncer(),
                saved.poolSize());
        dialog.error.setText(problem + "\nCheck the settings below and Save, or choose the embedded database.");
        dialog.lock(lockedKeys);
        return dialog.show(owner);
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

    private Optional<ConnectionProfile> show(Window owner) {
        Dialog<ConnectionProfile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connection settings");
        dialog.setHeaderText("Which database should Registrar use?");
        dialog.getDialogPane().setContent(form(owner));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        // keep the dialog open with the message next to the fields while the input is not valid
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                toProfile();
                error.setText("");
            } catch (IllegalArgumentException invalid) {
                error.setText(invalid.getMessage());
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? toProfile() : null);
        return dialog.showAndWait();
    }

    private GridPane form(Window owner) {
        if (!browse.getProperties().containsKey("locked")) {
            browse.disableProperty().bind(embedded.selectedProperty());
        }
        browse.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Root certificate");
            var file = chooser.showOpenDialog(owner);
            if (file != null) {
                rootCert.setText(file.getPath());
            }
        });
        HBox certRow = new HBox(6, rootCert, browse);
        HBox.setHgrow(rootCert, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.add(embedded, 0, 0, 2, 1);
        grid.addRow(1, label("Server URL", url), url);
        grid.addRow(2, label("User", user), user);
        grid.addRow(3, label("TLS (sslmode)", sslMode), sslMode);
        grid.addRow(4, label("Root certificate", rootCert), certRow);
        grid.add(pgBouncer, 1, 5);
        grid.addRow(6, label("Connections (pool)", poolSize), poolSize);
        grid.add(error, 0, 7, 2, 1);
        url.setPrefColumnCount(36);
        return grid;
    }

    /** A field's label; "(locked)" and the tooltip when the school set the field. */
    private static Label label(String text, javafx.scene.control.Control field) {
        boolean locked = field.getProperties().containsKey("locked");
        Label label = new Label(locked ? text + " (locked)" : text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "TLS (sslmo…"
        if (locked) {
            label.setTooltip(new javafx.scene.control.Tooltip(LOCKED_TIP));
        }
        return label;
    }

    private ConnectionProfile toProfile() {
        if (embedded.isSelected()) {
            return ConnectionProfile.embedded().withPoolSize(poolSize.getValue());
        }
        String urlText = url.getText().trim();
        if (urlText.isEmpty()) {
            throw new IllegalArgumentException(
                    "Enter the server URL, e.g. jdbc:postgresql://db.school.example:5432/registrar");
        }
        if (user.getText().isBlank()) {
            throw new IllegalArgumentException("Enter the database user.");
        }
        ConnectionProfile.SslMode mode = sslMode.getValue();
        if (mode == null) {
            throw new IllegalArgumentException("Choose the TLS mode (sslmode).");
        }
        String cert = rootCert.getText().trim();
        if ((mode == ConnectionProfile.SslMode.VERIFY_CA || mode == ConnectionProfile.SslMode.VERIFY_FULL)
                && cert.isEmpty()) {
            throw new IllegalArgumentException("verify-ca and verify-full need the server's root certificate file.");
        }
        return new ConnectionProfile(
                urlText,
                user.getText().trim(),
                mode,
                cert.isEmpty() ? null : Path.of(cert),
                pgBouncer.isSelected(),
                poolSize.getValue());
    }
}
