package org.registrar.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.ConnectionProfile.SslMode;
import org.registrar.db.ServerAddress;
import org.registrar.health.DiagnosticStep;
import org.registrar.health.Diagnostics;
import org.registrar.health.DiagnosticsReport;
import org.registrar.i18n.Messages;

/**
 * State of the connection form: the fields as typed, a message beside each field that is wrong, and the Test's
 * stages while they run. What was typed is never changed by a failed check or test. The test runs on {@code work}
 * and reports on {@code fx}; a cancelled or superseded test's answers are dropped. Use on the FX thread only.
 */
final class ConnectionFormViewModel {
    /** Shown beside a field the machine-wide settings lock, in the chosen language. */
    static String locked() {
        return Messages.text("connection.lockedTip");
    }

    /** One stage row of the Test. */
    record Stage(String name, State state, String time, String detail) {}

    /** How far a stage got. */
    enum State {
        WAITING,
        RUNNING,
        OK,
        FAILED,
        NOT_USED,
        SKIPPED;

        /** The state in the chosen language ("checking…"). */
        String label() {
            return switch (this) {
                case WAITING -> Messages.text("connection.state.waiting");
                case RUNNING -> Messages.text("connection.state.running");
                case OK -> Messages.text("connection.state.ok");
                case FAILED -> Messages.text("connection.state.failed");
                case NOT_USED -> Messages.text("connection.state.notUsed");
                case SKIPPED -> Messages.text("connection.state.skipped");
            };
        }
    }

    final BooleanProperty embedded = new SimpleBooleanProperty();
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty(String.valueOf(ServerAddress.DEFAULT_PORT));
    final StringProperty database = new SimpleStringProperty("registrar");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(SslMode.PREFER);
    final StringProperty rootCert = new SimpleStringProperty("");
    final StringProperty url = new SimpleStringProperty("");
    final BooleanProperty pgBouncer = new SimpleBooleanProperty();
    final IntegerProperty poolSize = new SimpleIntegerProperty(ConnectionProfile.DEFAULT_POOL_SIZE);

    final StringProperty hostError = new SimpleStringProperty("");
    final StringProperty portError = new SimpleStringProperty("");
    final StringProperty databaseError = new SimpleStringProperty("");
    final StringProperty userError = new SimpleStringProperty("");
    final StringProperty sslError = new SimpleStringProperty("");
    final StringProperty urlError = new SimpleStringProperty("");
    /** A problem of the settings as a whole (saved settings that could not be used). */
    final StringProperty problem = new SimpleStringProperty("");

    private final ObservableList<Stage> stages = FXCollections.observableArrayList();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final BooleanProperty verdictGood = new SimpleBooleanProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final Set<String> lockedKeys;
    private final Executor work;
    private final Executor fx;
    private long latestTest;
    private ConnectionTest running;

    ConnectionFormViewModel(Set<String> lockedKeys, Executor work, Executor fx) {
        this.lockedKeys = Set.copyOf(lockedKeys);
        this.work = work;
        this.fx = fx;
        resetStages();
    }

    /** Fills the fields from a profile: host, port and database when its URL reads as them, else the URL. */
    void fill(ConnectionProfile profile) {
        embedded.set(profile.isEmbedded());
        if (profile.isEmbedded()) {
            return;
        }
        fillServer(profile.url());
        user.set(profile.user() == null ? "" : profile.user());
        sslMode.set(profile.sslMode());
        rootCert.set(profile.rootCertificate().map(Path::toString).orElse(""));
        pgBouncer.set(profile.pgBouncer());
        poolSize.set(profile.poolSize());
    }

    /** Host, port and database when {@code jdbcUrl} is exactly what they make; otherwise the Advanced URL. */
    void fillServer(String jdbcUrl) {
        try {
            ServerAddress address = ServerAddress.of(jdbcUrl);
            if (address.url().equals(jdbcUrl)) {
                host.set(address.host());
                port.set(String.valueOf(address.port()));
                database.set(address.database());
                url.set("");
                return;
            }
        } catch (IllegalArgumentException unreadable) {
            // shown as typed in the Advanced field, where its problem is named
        }
        url.set(jdbcUrl);
    }

    /** Whether the machine-wide settings lock {@code key} (server.host, server.port, …). */
    boolean locked(String key) {
        return lockedKeys.contains(key);
    }

    /**
     * The profile the fields make, or empty with a message beside each field that is wrong. The Advanced URL, when
     * filled, wins over host, port and database.
     */
    Optional<ConnectionProfile> validate() {
        clearErrors();
        if (embedded.get()) {
            return Optional.of(ConnectionProfile.embedded().withPoolSize(poolSize.get()));
        }
        String jdbcUrl = serverUrl();
        if (user.get().isBlank()) {
            userError.set(Messages.text("connection.error.login"));
        }
        if (sslMode.get() == null) {
            sslError.set(Messages.text("connection.error.tls"));
        } else if (needsRootCert(sslMode.get()) && rootCert.get().isBlank()) {
            sslError.set(Messages.text("connection.error.rootCert"));
        }
        if (jdbcUrl == null || hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConnectionProfile(
                    jdbcUrl,
                    user.get().trim(),
                    sslMode.get(),
                    rootCert.get().isBlank() ? null : Path.of(rootCert.get().trim()),
                    pgBouncer.get(),
                    poolSize.get()));
        } catch (IllegalArgumentException invalid) {
            (url.get().isBlank() ? hostError : urlError).set(invalid.getMessage());
            return Optional.empty();
        }
    }

    /** The URL the fields make, or null with the message at the field concerned. */
    private String serverUrl() {
        if (!url.get().isBlank()) {
            return url.get().trim();
        }
        if (host.get().isBlank()) {
            hostError.set(Messages.text("connection.error.host"));
        }
        int number = -1;
        try {
            number = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (number < 1 || number > 65_535) {
            portError.set(Messages.text("connection.error.port"));
        }
        if (database.get().isBlank()) {
            databaseError.set(Messages.text("connection.error.database"));
        }
        if (hasErrors()) {
            return null;
        }
        return new ServerAddress(host.get().trim(), number, database.get().trim()).url();
    }

    static boolean needsRootCert(SslMode mode) {
        return mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
    }

    private boolean hasErrors() {
        return List.of(hostError, portError, databaseError, userError, sslError, urlError).stream()
                .anyMatch(message -> !message.get().isEmpty());
    }

    private void clearErrors() {
        List.of(hostError, portError, databaseError, userError, sslError, urlError, problem)
                .forEach(message -> message.set(""));
    }

    /** Runs the Test with the fields as they are; nothing is saved. */
    void test() {
        Optional<ConnectionProfile> profile = validate();
        if (profile.isEmpty() || profile.get().isEmbedded()) {
            return;
        }
        cancelTest();
        long ticket = ++latestTest;
        ConnectionTest test = new ConnectionTest(profile.get(), password.get().isEmpty() ? null : password.get());
        running = test;
        resetStages();
        stages.set(0, running(stages.get(0)));
        verdict.set(Messages.text("connection.test.running"));
        verdictGood.set(false);
        testing.set(true);
        Consumer<DiagnosticStep> finished = step -> fx.execute(() -> {
            if (ticket == latestTest) {
                showStep(step);
            }
        });
        work.execute(() -> {
            DiagnosticsReport report;
            try {
                report = test.run(finished);
            } catch (RuntimeException failed) {
                fx.execute(() -> {
                    if (ticket == latestTest) {
                        ended(org.registrar.db.DatabaseErrors.describe(failed), false);
                    }
                });
                return;
            }
            fx.execute(() -> {
                if (ticket == latestTest) {
                    report.steps().forEach(this::showStep);
                    ended(verdictOf(report), report.healthy());
                }
            });
        });
    }

    /** Stops the test under way; its later answers are not shown. */
    void cancelTest() {
        if (running == null) {
            return;
        }
        running.cancel();
        running = null;
        latestTest++;
        if (testing.get()) {
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).state() == State.RUNNING || stages.get(i).state() == State.WAITING) {
                    stages.set(
                            i,
                            new Stage(
                                    stages.get(i).name(),
                                    State.SKIPPED,
                                    "",
                                    Messages.text("connection.test.notTried")));
                }
            }
            ended(Messages.text("connection.test.cancelled"), false);
        }
    }

    private void ended(String words, boolean good) {
        running = null;
        verdict.set(words);
        verdictGood.set(good);
        testing.set(false);
    }

    private void showStep(DiagnosticStep step) {
        int index = Diagnostics.STAGES.indexOf(step.name());
        if (index < 0) {
            return;
        }
        stages.set(index, new Stage(step.label(), state(step.outcome()), step.time(), step.detail()));
        if (step.outcome() == DiagnosticStep.Outcome.FAILED) {
            return;
        }
        // the driver agrees TLS and logs in as one exchange: both are under way until it answers
        int through = index == 1 ? Math.min(index + 2, stages.size() - 1) : index + 1;
        for (int next = index + 1; next <= through && next < stages.size(); next++) {
            if (stages.get(next).state() == State.WAITING) {
                stages.set(next, running(stages.get(next)));
            }
        }
    }

    private static Stage running(Stage stage) {
        return new Stage(stage.name(), State.RUNNING, "", "");
    }

    private static State state(DiagnosticStep.Outcome outcome) {
        return switch (outcome) {
            case OK -> State.OK;
            case FAILED -> State.FAILED;
            case NOT_USED -> State.NOT_USED;
            case SKIPPED -> State.SKIPPED;
        };
    }

    /** "Registrar can use this server" or the first failed stage's own words. */
    static String verdictOf(DiagnosticsReport report) {
        if (report.healthy()) {
            return Messages.text(
                    "connection.test.passed", String.format(Messages.locale(), "%.1f", report.roundTripMillis()));
        }
        return report.steps().stream()
                .filter(step -> step.outcome() == DiagnosticStep.Outcome.FAILED)
                .map(DiagnosticStep::detail)
                .findFirst()
                .orElse(report.verdict());
    }

    private void resetStages() {
        stages.setAll(Diagnostics.STAGES.stream()
                .map(name -> new Stage(DiagnosticStep.labelOf(name), State.WAITING, "", ""))
                .toList());
    }

    ObservableList<Stage> stages() {
        return stages;
    }

    StringProperty verdict() {
        return verdict;
    }

    BooleanProperty verdictGood() {
        return verdictGood;
    }

    BooleanProperty testing() {
        return testing;
    }
}
