package org.registrar.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.registrar.db.ConnectFailure;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.StartPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows a start-up screen at once, brings the database up on a worker thread, then
 * swaps in the main window. Started by {@link Launcher}.
 */
public final class RegistrarApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarApp.class);
    private static volatile LaunchOptions options =
            new LaunchOptions(null, null, UserDataFolder.resolve(), Startup.DEFAULT_DEMO_STUDENTS);

    private Stage stage;
    private StartupView startupView;
    private volatile AppContext context;
    private MainWindow mainWindow;
    private Thread closer;
    /** Closes the previous context when new settings are applied in the running window. */
    private Thread reconnecting;
    /** Bumped by every start attempt, so a scheduled retry knows whether the user chose something else. */
    private long startAttempt;
    /** The password of this session, in memory only; null until typed, and again after the server refused it. */
    private String password;
    /** The start-up screen's next automatic retry, or null. */
    private PauseTransition retryTimer;
    /** The connection form is open: automatic retries wait. */
    private boolean editing;
    /** The last failure may pass by itself (server stopped, network down): retried automatically. */
    private boolean retrying;
    /** A start-up attempt is under way. */
    private boolean attemptRunning;

    static final java.time.Duration RETRY_EVERY = java.time.Duration.ofSeconds(5);
    private static volatile java.time.Duration retryEvery = RETRY_EVERY;

    /** What the command line asked for; set before {@link Application#launch}. */
    public record LaunchOptions(ConnectionProfile profile, String password, Path dataHome, int demoStudents) {}

    static void configure(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        StartPhases.process()
                .record("JVM and JavaFX start", StartPhases.process().sinceProcessStart());
        Theme.saved().apply();
        ErrorReporter.install();
        startupView = new StartupView(this::retry, this::editConnection, this::useEmbedded, Platform::exit);
        Scene scene = new Scene(startupView.root(), 1280, 800);
        scene.getStylesheets().add(RegistrarApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Registrar — starting");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        Optional.ofNullable(RegistrarApp.class.getResourceAsStream("icon.png"))
                .ifPresent(icon -> stage.getIcons().add(new Image(icon)));
        stage.show();
        password = options.password();
        // after start returns: the first attempt may ask for the password in a dialog of its own
        Platform.runLater(this::retry);
    }

    /** @throws SettingsProblem when the saved settings cannot be used */
    private ConnectionProfile currentProfile() {
        if (options.profile() != null) {
            return options.profile();
        }
        return ProfileStore.forUser().load().orElse(ConnectionProfile.embedded());
    }

    /**
     * Starts an attempt with {@code profile}; asks for the password first only when none is known (the first start,
     * or after the server refused it). An attempt superseded by a newer one is ignored when it ends.
     */
    private void connect(ConnectionProfile profile) {
        long attempt = ++startAttempt;
        stopRetryTimer();
        if (password == null && !profile.isEmbedded()) {
            Optional<String> typed = PasswordPrompt.ask(stage, profile);
            if (attempt != startAttempt) {
                return; // something else was chosen meanwhile
            }
            if (typed.isEmpty()) {
                startupView.showFailure(profile.describe(), "No password given.");
                return;
            }
            password = typed.get();
        }
        String given = password;
        Task<AppContext> task = new Task<>() {
            @Override
            protected AppContext call() {
                return Startup.open(profile, given, options.dataHome(), options.demoStudents(), this::updateMessage);
            }
        };
        startupView.showProgress(profile.describe(), task.messageProperty());
        attemptRunning = true;
        task.setOnSucceeded(event -> {
            if (attempt != startAttempt) {
                closeInBackground(task.getValue()); // the user chose other settings meanwhile
                return;
            }
            attemptRunning = false;
            showMainWindow(task.getValue());
        });
        task.setOnFailed(event -> {
            if (attempt == startAttempt) {
                attemptRunning = false;
                failed(profile, task.getException());
            }
        });
        Thread thread = new Thread(task, "registrar-startup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Says which stage failed in plain words; tries again by itself when the server may come back by itself. */
    private void failed(ConnectionProfile profile, Throwable error) {
        String reason;
        boolean passing;
        if (profile.isEmbedded()) {
            reason = DatabaseErrors.describeConnect(error);
            passing = DatabaseErrors.classify(error) == DatabaseErrors.Kind.UNAVAILABLE;
        } else {
            ConnectFailure failure = ConnectFailure.of(profile, error);
            reason = failure.sentence();
            passing = failure.stage().passes();
            if (failure.needsPassword()) {
                password = null; // the next attempt asks again; no other failure does
            }
        }
        if (passing) {
            LOG.warn("Start-up: {} is unavailable: {}", profile.describe(), error.getMessage());
        } else {
            LOG.error("Start-up failed for {}", profile.describe(), error);
        }
        startupView.showFailure(profile.describe(), reason);
        retrying = passing;
        if (passing && !editing) {
            scheduleRetry();
        }
    }

    /**
     * The server may be starting or the network back soon: try again by itself, with the settings as they are then,
     * until something else is chosen. Paused while the connection settings are open.
     */
    private void scheduleRetry() {
        long attempt = startAttempt;
        startupView.showRetryCountdown(retryEvery);
        stopRetryTimer();
        retryTimer = new PauseTransition(javafx.util.Duration.millis(retryEvery.toMillis()));
        retryTimer.setOnFinished(event -> {
            if (attempt == startAttempt && context == null && !editing) {
                retry();
            }
        });
        retryTimer.play();
    }

    private void stopRetryTimer() {
        if (retryTimer != null) {
            retryTimer.stop();
            retryTimer = null;
        }
    }

    /** The running app's context, or null while it starts; for UI tests that set up a situation. */
    AppContext context() {
        return context;
    }

    /** Whether an automatic retry is waiting to run (tests: it pauses while the settings are open). */
    boolean retryScheduled() {
        return retryTimer != null;
    }

    /** How long the start-up screen waits between automatic retries (tests shorten it). */
    static void retryEvery(java.time.Duration every) {
        retryEvery = every;
    }

    private void showMainWindow(AppContext started) {
        context = started;
        retrying = false;
        FirstPageWatch.watch(
                started,
                stage.getScene(),
                MainWindow.screensFor(started.privileges()).contains("Students"));
        mainWindow = new MainWindow(started, this::editConnection);
        stage.getScene().setRoot(mainWindow.root());
        // closing with scores not saved asks first; the window closes once the chosen way out is done
        stage.setOnCloseRequest(event -> {
            event.consume();
            mainWindow.closeRequested(stage::close);
        });
        stage.setTitle(started.title());
        LOG.info("Started: {}, schema {}", started.title(), started.schemaVersion());
    }

    private void retry() {
        ConnectionProfile profile;
        try {
            profile = currentProfile();
        } catch (SettingsProblem problem) {
            unusableSettings(problem);
            return;
        }
        connect(profile);
    }

    /** The saved settings cannot make a connection: say why, and open them for repair. */
    private void unusableSettings(SettingsProblem problem) {
        startAttempt++;
        stopRetryTimer();
        LOG.warn("Start-up: {}", problem.getMessage());
        startupView.showFailure("Connection settings", problem.getMessage());
        Platform.runLater(this::editConnection);
    }

    private void useEmbedded() {
        ProfileStore.forUser().clear();
        options = new LaunchOptions(null, null, options.dataHome(), options.demoStudents());
        connect(ConnectionProfile.embedded());
    }

    /** The keys the machine-wide settings lock; none until the settings layers read them (issue 17, settings). */
    private static Set<String> lockedKeys() {
        return Set.of();
    }

    /**
     * Opens the connection form; the start-up screen's automatic retry waits while it is open. Saved settings are
     * used at once: on the start-up screen by the next attempt, in the running window by reconnecting.
     */
    private void editConnection() {
        editing = true;
        stopRetryTimer();
        startupView.showRetryPaused();
        Optional<ConnectionDialog.Choice> chosen;
        ConnectionProfile before = null;
        try {
            before = currentProfile();
            chosen = ConnectionDialog.edit(stage, before, lockedKeys(), password);
        } catch (SettingsProblem problem) {
            chosen = ConnectionDialog.repair(
                    stage, ProfileStore.forUser().fields().orElseThrow(), problem.getMessage(), lockedKeys());
        } finally {
            editing = false;
        }
        if (chosen.isEmpty()) {
            if (context == null && retrying && !attemptRunning) {
                scheduleRetry(); // nothing changed: carry on trying
            }
            return;
        }
        ConnectionDialog.Choice choice = chosen.get();
        ConnectionProfile previous = before;
        Runnable apply = () -> {
            ProfileStore.forUser().save(choice.profile());
            options = new LaunchOptions(null, null, options.dataHome(), options.demoStudents());
            if (choice.password() != null) {
                password = choice.password();
            } else if (previous == null
                    || !java.util.Objects.equals(
                            previous.user(), choice.profile().user())) {
                password = null;
            }
            if (context == null) {
                connect(choice.profile());
            } else {
                reconnect(choice.profile());
            }
        };
        if (context == null) {
            apply.run();
        } else {
            // unsaved scores are asked about first (save now, keep as a draft, discard); Cancel keeps everything
            mainWindow.closeRequested(apply);
        }
    }

    /**
     * New settings in the running window: the old pool (and embedded server) closes off the FX thread, then the
     * start-up runs with the new settings and the screens are built afresh. No restart.
     */
    private void reconnect(ConnectionProfile profile) {
        AppContext old = context;
        context = null;
        mainWindow.dispose();
        mainWindow = null;
        stage.setOnCloseRequest(null);
        stage.getScene().setRoot(startupView.root());
        stage.setTitle("Registrar — connecting");
        startupView.showClosing(old.database().profile().describe());
        long attempt = ++startAttempt;
        reconnecting = new Thread(
                () -> {
                    try {
                        old.close();
                    } finally {
                        Platform.runLater(() -> {
                            if (attempt == startAttempt) {
                                connect(profile);
                            }
                        });
                    }
                },
                "registrar-reconnect");
        reconnecting.setDaemon(false);
        reconnecting.start();
        LOG.info("Reconnecting: {} closes, {} opens", old.database().profile().describe(), profile.describe());
    }

    private static void closeInBackground(AppContext unused) {
        Thread thread = new Thread(unused::close, "registrar-shutdown-unused");
        thread.setDaemon(false);
        thread.start();
    }

    /** Waits until the pool is closed and the embedded server stopped (tests). */
    void awaitShutdown() throws InterruptedException {
        if (reconnecting != null) {
            reconnecting.join();
        }
        if (closer != null) {
            closer.join();
        }
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.dispose();
        }
        AppContext running = context;
        if (running != null) {
            // closing the pool and stopping the embedded server block; the JVM waits for this non-daemon thread
            closer = new Thread(running::close, "registrar-shutdown");
            closer.setDaemon(false);
            closer.start();
        }
    }
}
