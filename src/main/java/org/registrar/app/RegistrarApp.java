package org.registrar.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
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
    /** The embedded database's start begun before JavaFX, taken by the first connection attempt. */
    private static volatile EarlyStart early;

    private Stage stage;
    private StartupView startupView;
    private volatile AppContext context;
    private MainWindow mainWindow;
    private Thread closer;
    /** Bumped by every start attempt, so a scheduled retry knows whether the user chose something else. */
    private long startAttempt;

    static final java.time.Duration RETRY_EVERY = java.time.Duration.ofSeconds(5);

    /** What the command line asked for; set before {@link Application#launch}. */
    public record LaunchOptions(ConnectionProfile profile, String password, Path dataHome, int demoStudents) {}

    static void configure(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    /**
     * Called by the launcher before {@link Application#launch}: when the window is going to use the embedded server
     * (nothing given on the command line or saved), its start begins now, on a worker, while JavaFX starts. Settings
     * that cannot be used start nothing here; the window says why as before.
     */
    static void startEmbeddedEarly() {
        try {
            ConnectionProfile profile = chosenProfile();
            if (profile.isEmbedded()) {
                early = EarlyStart.begin(profile, options.dataHome(), options.demoStudents());
            }
        } catch (SettingsProblem problem) {
            LOG.debug("Saved settings unusable; the window reports it: {}", problem.getMessage());
        }
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
        retry();
    }

    /** @throws SettingsProblem when the saved settings cannot be used */
    private ConnectionProfile currentProfile() {
        return chosenProfile();
    }

    private static ConnectionProfile chosenProfile() {
        if (options.profile() != null) {
            return options.profile();
        }
        return ProfileStore.forUser().load().orElse(ConnectionProfile.embedded());
    }

    private void connect(ConnectionProfile profile, String knownPassword) {
        startAttempt++;
        String password = knownPassword;
        if (password == null && !profile.isEmbedded()) {
            Optional<String> typed = PasswordPrompt.ask(stage, profile);
            if (typed.isEmpty()) {
                startupView.showFailure(profile.describe(), "No password given.");
                return;
            }
            password = typed.get();
        }
        String finalPassword = password;
        EarlyStart begun = early;
        early = null; // once: a retry starts afresh
        boolean takeBegun = begun != null && begun.serves(profile) && finalPassword == null;
        if (begun != null && !takeBegun) {
            begun.discard();
        }
        Task<AppContext> task = new Task<>() {
            @Override
            protected AppContext call() {
                if (takeBegun) {
                    return begun.take(this::updateMessage);
                }
                return Startup.open(
                        profile, finalPassword, options.dataHome(), options.demoStudents(), this::updateMessage);
            }
        };
        startupView.showProgress(profile.describe(), task.messageProperty());
        task.setOnSucceeded(event -> showMainWindow(task.getValue()));
        task.setOnFailed(event -> {
            Throwable error = task.getException();
            if (DatabaseErrors.classify(error) == DatabaseErrors.Kind.UNAVAILABLE) {
                LOG.warn("Start-up: {} is unavailable: {}", profile.describe(), error.getMessage());
            } else {
                LOG.error("Start-up failed for {}", profile.describe(), error);
            }
            startupView.showFailure(profile.describe(), DatabaseErrors.describeConnect(error));
            if (DatabaseErrors.classify(error) == DatabaseErrors.Kind.UNAVAILABLE) {
                scheduleRetry(profile, finalPassword);
            }
        });
        Thread thread = new Thread(task, "registrar-startup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The server may be starting or the network back soon: try again by itself until something else is chosen. */
    private void scheduleRetry(ConnectionProfile profile, String password) {
        long attempt = ++startAttempt;
        startupView.showRetryCountdown(RETRY_EVERY);
        PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(RETRY_EVERY.toSeconds()));
        wait.setOnFinished(event -> {
            if (attempt == startAttempt && context == null) {
                connect(profile, password);
            }
        });
        wait.play();
    }

    /** The running app's context, or null while it starts; for UI tests that set up a situation. */
    AppContext context() {
        return context;
    }

    private void showMainWindow(AppContext started) {
        context = started;
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
        connect(profile, options.password());
    }

    /** The saved settings cannot make a connection: say why, and open them for repair. */
    private void unusableSettings(SettingsProblem problem) {
        startAttempt++;
        LOG.warn("Start-up: {}", problem.getMessage());
        startupView.showFailure("Connection settings", problem.getMessage());
        Platform.runLater(this::editConnection);
    }

    private void useEmbedded() {
        ProfileStore.forUser().clear();
        options = new LaunchOptions(null, null, options.dataHome(), options.demoStudents());
        connect(ConnectionProfile.embedded(), null);
    }

    private void editConnection() {
        Optional<ConnectionProfile> chosen;
        try {
            chosen = ConnectionDialog.edit(stage, currentProfile());
        } catch (SettingsProblem problem) {
            chosen = ConnectionDialog.repair(
                    stage, ProfileStore.forUser().fields().orElseThrow(), problem.getMessage());
        }
        chosen.ifPresent(profile -> {
            ProfileStore.forUser().save(profile);
            options = new LaunchOptions(null, null, options.dataHome(), options.demoStudents());
            if (context == null) {
                connect(profile, null);
            } else {
                mainWindow
                        .dialogs()
                        .inform(
                                "Connection saved",
                                "Registrar will use " + profile.describe() + " from its next start.");
            }
        });
    }

    /** Waits until the pool is closed and the embedded server stopped (tests). */
    void awaitShutdown() throws InterruptedException {
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
