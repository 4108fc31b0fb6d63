package org.registrar.app;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.jdbi.v3.core.Jdbi;
import org.registrar.db.Privileges;
import org.registrar.db.StartPhases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.i18n.Messages;
import org.registrar.metrics.QueryMetrics;
import org.registrar.students.PageKey;
import org.registrar.students.StudentRow;
import org.registrar.tasks.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's first build, rehearsed off-screen while the database starts (ADR 0057, issue 16). The window was
 * built cold once the data was ready: every class of the menu, the navigation, the status bar and the Students screen
 * loaded, its layouts parsed, its style sheets read and matched, its first layout and its first drawing (glyphs
 * rasterised, software rendering under Monocle) paid for on the FX thread after the server, the schema check and the
 * pool, in front of the first page. The FX thread is idle behind the start-up card while the server starts: this
 * builds then what the window will build first (the menu bar, the navigation, the demo banner, a status bar, and the
 * Students screen by the window's own wiring, {@link Screens#studentsView}, with a page of made-up rows), styles and
 * lays it out at the window's size, draws it once into an image and drops it. The real window is built afterwards as
 * before, with everything it needs loaded and warm.
 *
 * <p>It never touches the database: its repositories' {@link Jdbi} refuses every connection and its {@link Tasks}
 * run nothing. It runs one step per event (so the start-up card stays live) and only while {@code wanted} says so:
 * once the real window is being shown it stops, so the window waits for one step at most. FX thread only.
 */
final class WindowRehearsal {
    static final String PHASE = "window rehearsal (FX thread, beside the server start)";
    private static final Logger LOG = LoggerFactory.getLogger(WindowRehearsal.class);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final int ROWS = 40;

    /** Where the rehearsal's repositories would connect: nowhere (tests count the attempts). */
    interface Nowhere {
        void asked() throws SQLException;
    }

    private final Nowhere nowhere;
    private final BooleanSupplier wanted;
    /** Small steps, the costly ones apart (styles, the Students screen, the drawing): the window waits for one. */
    private final List<Runnable> steps =
            List.of(this::frame, this::styleFrame, this::students, this::styleStudents, this::rows, this::draw);

    private final List<String> took = new ArrayList<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private int next;
    private long busyNanos;
    private BorderPane root;
    private Scene scene;
    private Node studentsRoot;
    private WritableImage drawing;

    private WindowRehearsal(Nowhere nowhere, BooleanSupplier wanted) {
        this.nowhere = nowhere;
        this.wanted = wanted;
    }

    /** Starts the rehearsal on the FX thread's queue; returns at once. Call from any thread. */
    static WindowRehearsal begin(BooleanSupplier wanted) {
        return begin(wanted, () -> {
            throw new SQLException("The window rehearsal has no database");
        });
    }

    static WindowRehearsal begin(BooleanSupplier wanted, Nowhere nowhere) {
        WindowRehearsal rehearsal = new WindowRehearsal(nowhere, wanted);
        Platform.runLater(rehearsal::step);
        return rehearsal;
    }

    /** Completes with true once every step ran, false when it stopped early (no longer wanted, or a step failed). */
    CompletableFuture<Boolean> finished() {
        return finished;
    }

    /** The rehearsal's one drawing of the window (tests), or null before the last step. */
    WritableImage drawing() {
        return drawing;
    }

    private void step() {
        if (!wanted.getAsBoolean()) {
            end(false, "stopped: the window is being shown");
            return;
        }
        long started = System.nanoTime();
        try {
            steps.get(next++).run();
        } catch (RuntimeException failure) {
            // a rehearsal only: the real window is built as before, and says what is wrong if it is wrong there too
            LOG.warn("The window rehearsal stopped at step {}: {}", next, failure.toString(), failure);
            busyNanos += System.nanoTime() - started;
            end(false, "failed");
            return;
        }
        long stepNanos = System.nanoTime() - started;
        busyNanos += stepNanos;
        took.add(Duration.ofNanos(stepNanos).toMillis() + " ms");
        if (next < steps.size()) {
            Platform.runLater(this::step);
        } else {
            end(true, null);
        }
    }

    private void end(boolean complete, String why) {
        Duration busy = Duration.ofNanos(busyNanos);
        StartPhases.process()
                .record(complete ? PHASE : PHASE + ", " + why + " (" + next + " of " + steps.size() + " steps)", busy);
        // frame, frame styled, Students built, Students styled, rows laid out, drawn
        LOG.info("Window rehearsal steps: {}", String.join(", ", took));
        root = null;
        scene = null;
        studentsRoot = null;
        finished.complete(complete);
    }

    /** The shell around the screens, as {@link MainWindow} builds it for a login that sees every screen. */
    private void frame() {
        List<String> screens = Screens.screensFor(Privileges.ALL);
        MainMenu menu = MainMenu.create(
                screens,
                Language.system(),
                new MainMenu.Actions(() -> {}, () -> {}, screen -> {}, () -> {}, () -> {}, () -> {}, tag -> {}));
        Label brand = new Label(Messages.text("shell.brand"));
        brand.getStyleClass().addAll("title-3", "brand");
        VBox navigation = new VBox(4, brand);
        navigation.getStyleClass().add("navigation");
        ToggleGroup group = new ToggleGroup();
        for (String screen : screens) {
            ToggleButton button = new ToggleButton(MainMenu.screenTitle(screen));
            button.setToggleGroup(group);
            button.getStyleClass().add("nav-button");
            navigation.getChildren().add(button);
        }
        group.getToggles().get(0).setSelected(true);
        StatusBar status = new StatusBar();
        status.setText(Messages.text("shell.brand"));
        status.getRightItems()
                .addAll(new Label(Messages.text("shell.brand")), new Separator(Orientation.VERTICAL), new Label("0"));
        root = new BorderPane();
        root.setTop(new VBox(menu.bar(), MainWindow.demoBanner(() -> {})));
        root.setLeft(navigation);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(RegistrarApp.class.getResource("app.css").toExternalForm());
    }

    /** The shell styled at the window's size (the theme, app.css), before the screen is added. */
    private void styleFrame() {
        root.applyCss();
    }

    /** The Students screen by the window's own wiring, over a database that is not there and a worker that is idle. */
    private void students() {
        studentsRoot = studentsScreen();
    }

    private Node studentsScreen() {
        Tasks idle = new Tasks(work -> {}, Platform::runLater, new QueryMetrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        Jdbi none = Jdbi.create(() -> {
            nowhere.asked();
            throw new SQLException("The window rehearsal has no database");
        });
        return Screens.studentsView(idle, none, new FxDialogService(() -> null), Privileges.ALL)
                .root();
    }

    /** The Students screen in the shell, styled (its split pane makes its parts now). */
    private void styleStudents() {
        root.setCenter(studentsRoot);
        root.applyCss();
    }

    /**
     * A page of made-up rows in the table, laid out, so its cells are made and styled as the first page's will be.
     */
    @SuppressWarnings("unchecked")
    private void rows() {
        if (!(root.lookup("#students-table") instanceof TableView<?> table)) {
            throw new IllegalStateException("The Students screen has no #students-table");
        }
        List<StudentRow> rows = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 1; i <= ROWS; i++) {
            rows.add(new StudentRow(
                    i,
                    String.format("S%07d", i),
                    "Family name " + i,
                    "Given name " + i,
                    (long) i,
                    "Class " + i,
                    (long) i,
                    "Mentor " + i,
                    i % 3 == 0 ? "on_leave" : "active",
                    "student" + i + "@school.example",
                    now,
                    1,
                    new PageKey(List.of("Family name " + i, (long) i))));
        }
        ((TableView<StudentRow>) table).setItems(FXCollections.observableList(rows));
        root.applyCss();
        root.layout();
    }

    /** Drawn once, off-screen: the renderer's paths and the glyphs of the window's fonts. */
    private void draw() {
        drawing = scene.snapshot(null);
    }
}
