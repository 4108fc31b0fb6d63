package org.registrar.app;

import java.nio.file.Path;
import java.util.Map;
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
import org.registrar.health.HealthSettings;
import org.registrar.i18n.Messages;
import org.registrar.settings.Key;
import org.registrar.settings.Keychain;
import org.registrar.settings.MachineFile;
import org.registrar.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows a start-up screen at once, reads the settings (ADR 0050) and brings the database up
 * on worker threads, then swaps in the main window. With no server configured anywhere it shows the welcome card
 * (connect, or explore the demo data) instead of starting the demo by itself. Started by {@link Launcher}.
 */
public final class RegistrarApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarApp.class);
    private static volatile LaunchOptions options =
            new LaunchOptions(Map.of(), null, null, UserDataFolder.resolve(), Startup.DEFAULT_DEMO_STUDENTS, false);
    /** The embedded database's start begun before JavaFX, taken by the first connection attempt. */
    private static volatile EarlyStart early;

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
    /** The settings as last read (FX thread); built-in ones until the first read ends. */
    private Settings settings = Settings.builtIn();
    /** The main window's first build was rehearsed (or is being) in this process (ADR 0057). */
    private boolean rehearsed;
    /** Whether {@link #password} came from the keychain (forgotten there if the server refuses it). */
    private boolean passwordFromKeychain;
    /** The keychain as last probed, or null when it was not needed. */
    private Keychain keychain;

    static final String WINDOW_BEGUN = "main window build begun (from process start)";
    static final java.time.Duration RETRY_EVERY = java.time.Duration.ofSeconds(5);
    private static volatile java.time.Duration retryEvery = RETRY_EVERY;

    /**
     * What the command line asked for; set before {@link Application#launch}.
     *
     * @param commandLine the command-line layer of the settings (only what was given)
     * @param config the machine-wide file given with --config, or null for this OS's one
     * @param demo --demo: start on the demo data whatever server is set (unless the machine file forbids it)
     */
    public record LaunchOptions(
            Map<Key, String> commandLine, Path config, String password, Path dataHome, int demoStudents, boolean demo) {
        public LaunchOptions {
            commandLine = Map.copyOf(commandLine);
        }

        /** As the command line would give {@code profile} (null: nothing given, the saved settings decide). */
        public LaunchOptions(ConnectionProfile profile, String password, Path dataHome, int demoStudents) {
            this(ConnectionOptions.layerOf(profile), null, password, dataHome, demoStudents, false);
        }

        /** {@code registrar --demo}. */
        public static LaunchOptions demo(Path dataHome, int demoStudents) {
            return new LaunchOptions(Map.of(), null, null, dataHome, demoStudents, true);
        }

        /** The user chose in the app: the command line's server, password and --demo no longer apply. */
        LaunchOptions chosenInTheApp() {
            return new LaunchOptions(Map.of(), config, null, dataHome, demoStudents, false);
        }
    }

    static void configure(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    /**
     * Called by the launcher before {@link Application#launch}: when the window is going to open the demo (asked by
     * {@code --demo}, or chosen before with no server configured, and allowed by the machine file), the embedded
     * server's start begins now, on a worker, while JavaFX starts (ADR 0043). Reads only the machine file and the
     * user's settings (no keychain); anything unusable starts nothing here and the window says why as before.
     */
    static void startEmbeddedEarly() {
        LaunchOptions launch = options;
        try {
            MachineFile machine = machineFileOf(launch);
            if (machine.hasIssues()) {
                return;
            }
            ProfileStore store = ProfileStore.forUser();
            Settings read = Settings.resolve(launch.commandLine(), machine, store.layer());
            boolean demo =
                    read.flag(Key.DEMO_ALLOWED) && (launch.demo() || (!read.serverConfigured() && store.demoChosen()));
            if (demo) {
                // where the server's start begins on the critical path (ADR 0058): the command line, logging and
                // settings come first
                StartPhases.process()
                        .record(EarlyStart.BEGUN, StartPhases.process().sinceProcessStart());
                early = EarlyStart.begin(
                        ConnectionProfile.embedded().withPoolSize(poolSizeOf(read)),
                        launch.dataHome(),
                        launch.demoStudents());
            }
        } catch (RuntimeException unusable) {
            LOG.debug("No early start; the window reads the settings and says what is wrong: {}", unusable.toString());
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
        stage.setTitle(Messages.text("shell.title.starting"));
        // the smallest school desk (issue 18): every screen holds at this size, ScreensFitUiTest checks it
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        Optional.ofNullable(RegistrarApp.class.getResourceAsStream("icon.png"))
                .ifPresent(icon -> stage.getIcons().add(new Image(icon)));
        stage.show();
        password = options.password();
        // after start returns: the first attempt may ask for the password in a dialog of its own
        Platform.runLater(this::retry);
        if (early != null) {
            rehearseOnce(); // the embedded server is starting already: so is the window's rehearsal
        }
    }

    /** What a start needs to know before it can choose: read on a worker thread. */
    private record Plan(Settings settings, boolean demoChosen, Keychain keychain, String remembered) {
        @Override
        public String toString() {
            return "Plan[demoChosen=" + demoChosen + "]"; // never the remembered password
        }
    }

    private static MachineFile machineFileOf(LaunchOptions launch) {
        return launch.config() != null
                ? MachineFile.read(launch.config(), true)
                : MachineFile.read(MachineFile.defaultLocation(), false);
    }

    /**
     * Reads the machine file, the user's settings and, when a password will be needed, the keychain (which may take
     * seconds to say it is not there). Blocking: on the start-up thread.
     */
    private static Plan readPlan(LaunchOptions launch, boolean passwordKnown) {
        MachineFile machine = machineFileOf(launch);
        ProfileStore store = ProfileStore.forUser();
        Settings read = Settings.resolve(launch.commandLine(), machine, store.layer());
        boolean demoChosen = store.demoChosen();
        if (machine.hasIssues() || launch.demo() || !read.serverConfigured() || passwordKnown) {
            return new Plan(read, demoChosen, null, null);
        }
        if (!read.flag(Key.PASSWORD_REMEMBER_ALLOWED)) {
            return new Plan(read, demoChosen, null, null);
        }
        Keychain found = Keychain.probe();
        String remembered = null;
        try {
            remembered = found.password(Keychain.account(read.profile())).orElse(null);
        } catch (Settings.Unusable unusable) {
            // said on the start-up screen by the caller
        }
        return new Plan(read, demoChosen, found, remembered);
    }

    private void retry() {
        long attempt = ++startAttempt;
        stopRetryTimer();
        attemptRunning = false; // one under way is superseded: its result is dropped and its pool closed
        showStartup();
        LaunchOptions launch = options;
        boolean passwordKnown = password != null;
        Task<Plan> reading = new Task<>() {
            @Override
            protected Plan call() {
                updateMessage(Messages.text("start.reading-settings"));
                return readPlan(launch, passwordKnown);
            }
        };
        startupView.showProgress("Registrar", reading.messageProperty());
        reading.setOnSucceeded(event -> {
            if (attempt == startAttempt) {
                choose(reading.getValue());
            }
        });
        reading.setOnFailed(event -> {
            LOG.error("Start-up: the settings could not be read", reading.getException());
            startupView.showFailure(
                    Messages.text("start.settings"),
                    Messages.text("start.settings-unreadable", String.valueOf(reading.getException())));
        });
        Thread thread = new Thread(reading, "registrar-settings");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts what the settings ask for: the server, the demo, or the welcome card. */
    private void choose(Plan plan) {
        settings = plan.settings();
        keychain = plan.keychain();
        MachineFile machine = settings.machineFile();
        if (machine.hasIssues()) {
            LOG.warn("Start-up: the machine-wide settings file has problems: {}", machine.issues());
            startupView.showFailure(
                    Messages.text("start.machine-settings"),
                    ConnectionOptions.machineFileProblem(machine).getMessage()
                            + "\n"
                            + Messages.text("start.machine-settings.fix"));
            return;
        }
        boolean demoAllowed = settings.flag(Key.DEMO_ALLOWED);
        startupView.offerDemo(demoAllowed);
        if (options.demo()) {
            if (demoAllowed) {
                startDemo();
            } else {
                startupView.showFailure(Messages.text("start.demo-data"), demoForbidden());
            }
            return;
        }
        ConnectionProfile profile;
        try {
            profile = ConnectionOptions.profileOf(settings);
        } catch (SettingsProblem problem) {
            unusableSettings(problem);
            return;
        }
        if (!profile.isEmbedded()) {
            if (password == null && plan.remembered() != null) {
                password = plan.remembered();
                passwordFromKeychain = true;
            }
            connect(profile);
        } else if (plan.demoChosen() && demoAllowed) {
            startDemo();
        } else {
            showWelcome(demoAllowed);
        }
    }

    private String demoForbidden() {
        return Messages.text(
                "start.demo-forbidden", settings.machineFile().path().toString());
    }

    private void showWelcome(boolean demoAllowed) {
        startAttempt++;
        WelcomeView welcome =
                new WelcomeView(demoAllowed, options.demoStudents(), this::editConnection, this::chooseDemo);
        stage.getScene().setRoot(welcome.root());
        stage.setTitle(Messages.text("shell.title.welcome"));
    }

    private void showStartup() {
        if (stage.getScene().getRoot() != startupView.root()) {
            stage.getScene().setRoot(startupView.root());
            stage.setTitle(Messages.text("shell.title.starting"));
        }
    }

    /** The welcome card's demo choice: remembered, so the next start goes straight to it. */
    private void chooseDemo() {
        startDemo();
    }

    private void startDemo() {
        showStartup();
        connect(ConnectionProfile.embedded().withPoolSize(poolSize()));
    }

    private PasswordPrompt.Remember rememberOption() {
        if (!settings.flag(Key.PASSWORD_REMEMBER_ALLOWED)) {
            return new PasswordPrompt.Remember(false, Messages.text("start.remember-forbidden"));
        }
        if (keychain == null) {
            return PasswordPrompt.Remember.NOT_OFFERED;
        }
        return keychain.unavailableReason()
                .map(reason -> new PasswordPrompt.Remember(false, reason))
                .orElse(new PasswordPrompt.Remember(true, null));
    }

    /**
     * Starts an attempt with {@code profile}; asks for the password first only when none is known (the first start,
     * or after the server refused it). A password the keychain gave that the server refuses is forgotten, one the
     * user asked to remember is kept once the server took it. An attempt superseded by a newer one is ignored when it
     * ends, and what it opened is closed.
     */
    private void connect(ConnectionProfile profile) {
        long attempt = ++startAttempt;
        stopRetryTimer();
        showStartup();
        boolean remember = false;
        if (password == null && !profile.isEmbedded()) {
            Optional<PasswordPrompt.Answer> typed = PasswordPrompt.ask(stage, profile, rememberOption());
            if (attempt != startAttempt) {
                return; // something else was chosen meanwhile
            }
            if (typed.isEmpty()) {
                startupView.showFailure(profile.describe(), Messages.text("start.no-password"));
                return;
            }
            password = typed.get().password();
            remember = typed.get().remember();
        }
        String given = password;
        boolean fromKeychain = passwordFromKeychain;
        boolean keep = remember;
        Keychain vault = keychain;
        EarlyStart begun = early;
        early = null; // once: a retry starts afresh
        boolean takeBegun = begun != null && begun.serves(profile) && given == null;
        if (begun != null && !takeBegun) {
            begun.discard();
        }
        Task<AppContext> task = new Task<>() {
            @Override
            protected AppContext call() {
                if (profile.isEmbedded()) {
                    ProfileStore.forUser().rememberDemoChosen(true);
                }
                return RememberedLogin.open(
                        profile,
                        given,
                        new RememberedLogin.Keeping(vault, fromKeychain, keep),
                        () -> takeBegun
                                ? begun.take(this::updateMessage)
                                : Startup.open(
                                        profile,
                                        given,
                                        options.dataHome(),
                                        options.demoStudents(),
                                        this::updateMessage));
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
                failed(profile, task.getException(), fromKeychain);
            }
        });
        Thread thread = new Thread(task, "registrar-startup");
        thread.setDaemon(true);
        thread.start();
        rehearseOnce();
    }

    /**
     * Once per process, as soon as a start is under way (the early start, else the first attempt): the FX thread,
     * idle behind the start-up card, rehearses the main window's first build off-screen, so the real one finds it
     * loaded and warm (ADR 0057). Only while the start-up card is shown: it stops once the window (or anything else)
     * takes its place.
     */
    private void rehearseOnce() {
        if (!rehearsed) {
            rehearsed = true;
            WindowRehearsal.begin(() -> mainWindow == null && stage.getScene().getRoot() == startupView.root());
        }
    }

    /** Says which stage failed in plain words; tries again by itself when the server may come back by itself. */
    private void failed(ConnectionProfile profile, Throwable error, boolean fromKeychain) {
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
                passwordFromKeychain = false;
                if (fromKeychain) {
                    reason += "\n" + Messages.text("start.remembered-refused");
                }
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
        } else if (passing) {
            // an attempt under way when the connection form was opened ended while it is open: its retry waits too
            startupView.showRetryWaiting();
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
        HealthSettings health = healthSettings();
        // the data side was ready earlier; the gap is the FX thread finishing what it was doing (ADR 0058)
        StartPhases.process().record(WINDOW_BEGUN, StartPhases.process().sinceProcessStart());
        mainWindow = StartPhases.process()
                .time(
                        "main window built (FX thread)",
                        () -> new MainWindow(
                                started,
                                this::editConnection,
                                health,
                                Language.of(settings),
                                () -> stage.fireEvent(new javafx.stage.WindowEvent(
                                        stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))));
        stage.getScene().setRoot(mainWindow.root());
        // closing with scores not saved asks first; the window closes once the chosen way out is done
        stage.setOnCloseRequest(event -> {
            event.consume();
            mainWindow.closeRequested(stage::close);
        });
        stage.setTitle(started.title());
        LOG.info("Started: {}, schema {}", started.title(), started.schemaVersion());
    }

    /** The Health screen's thresholds from the effective settings; the defaults when they contradict each other. */
    private HealthSettings healthSettings() {
        try {
            return new HealthSettings(
                    java.time.Duration.ofSeconds(Long.parseLong(settings.value(Key.HEALTH_POLL_SECONDS))),
                    java.time.Duration.ofSeconds(Long.parseLong(settings.value(Key.HEALTH_WARN_SECONDS))),
                    java.time.Duration.ofSeconds(Long.parseLong(settings.value(Key.HEALTH_ALERT_SECONDS))));
        } catch (IllegalArgumentException contradiction) {
            LOG.warn("Health thresholds not used ({}): the defaults apply", contradiction.getMessage());
            return HealthSettings.DEFAULTS;
        }
    }

    /** The saved settings cannot make a connection: say why, and open them for repair. */
    private void unusableSettings(SettingsProblem problem) {
        startAttempt++;
        stopRetryTimer();
        LOG.warn("Start-up: {}", problem.getMessage());
        startupView.showFailure(Messages.text("start.connection-settings"), problem.getMessage());
        Platform.runLater(this::editConnection);
    }

    /** "Use embedded demo database" on the start-up screen. */
    private void useEmbedded() {
        if (!settings.flag(Key.DEMO_ALLOWED)) {
            startupView.showFailure(Messages.text("start.demo-data"), demoForbidden());
            return;
        }
        ProfileStore.forUser().clear();
        options = options.chosenInTheApp();
        startDemo();
    }

    /**
     * The form's locks: the machine file's locked keys, and {@code demo.allowed} when the demo is forbidden (the
     * embedded choice is then off, with the same reason).
     */
    private Set<String> formLocks() {
        Set<String> locked = new java.util.HashSet<>(settings.lockedNames());
        if (!settings.flag(Key.DEMO_ALLOWED)) {
            locked.add(Key.DEMO_ALLOWED.key());
        }
        return Set.copyOf(locked);
    }

    /**
     * Opens the connection form; the start-up screen's automatic retry waits while it is open. Saved settings are
     * used at once: on the start-up screen by the next attempt, in the running window by reconnecting.
     */
    private void editConnection() {
        editing = true;
        stopRetryTimer();
        startupView.showRetryPaused();
        Set<String> locked = formLocks();
        Optional<ConnectionDialog.Choice> chosen;
        ConnectionProfile before = null;
        try {
            ConnectionProfile current = ConnectionOptions.profileOf(settings);
            if (current.isEmbedded()) {
                chosen = ConnectionDialog.firstServer(stage, formDefaults(), locked);
            } else {
                before = current;
                chosen = ConnectionDialog.edit(stage, current, locked, password);
            }
        } catch (SettingsProblem problem) {
            Optional<ProfileStore.Saved> saved = ProfileStore.forUser().fields();
            chosen = saved.isPresent()
                    ? ConnectionDialog.repair(stage, saved.get(), problem.getMessage(), locked)
                    : ConnectionDialog.firstServer(stage, formDefaults(), locked);
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
            ProfileStore store = ProfileStore.forUser();
            store.save(choice.profile());
            store.rememberDemoChosen(choice.profile().isEmbedded());
            options = options.chosenInTheApp();
            if (choice.password() != null) {
                password = choice.password();
                passwordFromKeychain = false;
            } else if (previous == null
                    || !java.util.Objects.equals(
                            previous.user(), choice.profile().user())) {
                password = null;
                passwordFromKeychain = false;
            }
            if (context == null) {
                retry(); // reads the settings just saved, as every attempt does
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
        stage.setTitle(Messages.text("shell.title.connecting"));
        startupView.showClosing(old.database().profile().describe());
        long attempt = ++startAttempt;
        reconnecting = new Thread(
                () -> {
                    try {
                        old.close();
                    } finally {
                        Platform.runLater(() -> {
                            if (attempt == startAttempt) {
                                retry();
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

    /**
     * What the connection form starts from when no server is set: the effective login hint, TLS mode, root
     * certificate, PgBouncer mode and pool size; a value that cannot be used falls back to the built-in one.
     */
    private ConnectionProfile formDefaults() {
        ConnectionProfile.SslMode mode;
        try {
            mode = ConnectionProfile.SslMode.parse(settings.value(Key.SERVER_SSLMODE));
        } catch (IllegalArgumentException unusable) {
            mode = ConnectionProfile.SslMode.PREFER;
        }
        String rootCert = settings.value(Key.SERVER_SSLROOTCERT);
        return new ConnectionProfile(
                null,
                settings.value(Key.LOGIN_HINT),
                mode,
                rootCert == null ? null : Path.of(rootCert),
                settings.flag(Key.SERVER_PGBOUNCER),
                poolSize());
    }

    /** The effective pool size; the built-in one when the saved value cannot be used. */
    private int poolSize() {
        return poolSizeOf(settings);
    }

    private static int poolSizeOf(Settings settings) {
        String value = settings.value(Key.POOL_SIZE);
        return Key.POOL_SIZE.problemWith(value).isEmpty()
                ? Integer.parseInt(value)
                : ConnectionProfile.DEFAULT_POOL_SIZE;
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
        // a scheduled retry must not start, and an attempt still under way closes what it opens when it ends
        startAttempt++;
        stopRetryTimer();
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
