package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.i18n.Messages;

/**
 * Issue 18: the embedded server's start said its steps and its failures in English on a German start-up screen and
 * in a German {@code doctor}: waiting for another window's start, the server's own steps, a folder already served,
 * another app's server that cannot be joined, the start phases that cannot be read. Each is driven for real.
 */
class StartUpWordsTest {
    @TempDir
    Path folder;

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void waitingForAnotherWindowsStartIsSaidInTheLanguageChosenAfterTheClassWasLoaded() throws Exception {
        Path locks = folder.resolve("locks");
        // the class is loaded and a start made while English is chosen, as an early start may begin before the
        // language is applied: a step kept in a constant would stay English
        try (StartLock first = StartLock.acquire(locks, step -> {})) {
            Messages.use(Locale.GERMAN);
            List<String> steps = new CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> waiting = new CompletableFuture<>();
            Thread second = new Thread(() -> {
                try (StartLock never = StartLock.acquire(locks, steps::add)) {
                    waiting.complete(null);
                } catch (Throwable error) {
                    waiting.complete(error);
                }
            });
            second.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (steps.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            second.interrupt();

            assertThat(steps).containsExactly("Warte, bis ein anderes Registrar-Fenster fertig gestartet ist…");
            assertThat(waiting.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessage("Das Warten auf den Start eines anderen Registrar-Fensters wurde unterbrochen");
        }
    }

    @Test
    void theServersStepsAndASecondStartOfItsFolderAreInTheChosenLanguage() throws Exception {
        Path data = folder.resolve("pgdata");
        List<String> steps = new CopyOnWriteArrayList<>();
        Messages.use(Locale.GERMAN);
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, steps::add)) {
            assertThat(steps)
                    .startsWith("Suche nach einem Server einer früheren Sitzung…", "PostgreSQL wird gestartet…")
                    // a port is a name, not a number: no thousands separator ("54.321")
                    .endsWith("PostgreSQL ist bereit auf Port " + server.port());
            assertThatThrownBy(() -> EmbeddedServer.startDurable(data, step -> {}))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Ein eingebetteter Server läuft in dieser Anwendung bereits auf "
                            + data.toAbsolutePath().normalize());
        }
    }

    @Test
    void anotherAppsServerThatCannotBeJoinedIsSaidInTheChosenLanguage() throws Exception {
        Path data = Files.createDirectories(folder.resolve("pgdata"));
        Messages.use(Locale.GERMAN);
        assertThatThrownBy(() -> EmbeddedServer.attach(data))
                .isInstanceOf(IOException.class)
                .hasMessage("Ein anderes Registrar betreibt die Datenbank in " + data.toAbsolutePath()
                        + ", aber ihr Port oder ihre Anmeldedaten lassen sich nicht lesen");
    }

    @Test
    void startPhasesThatCannotBeReadAndTheirTimesAreInTheChosenLanguage() {
        Messages.use(Locale.GERMAN);
        assertThat(StartPhases.saved(folder))
                .singleElement()
                .asString()
                .startsWith("(" + folder + " konnte nicht gelesen werden: ");
        assertThat(new StartPhases.Phase("  PostgreSQL start (pg_ctl)", Duration.ofMillis(1234)).line())
                .endsWith("  1.234 ms");
    }
}
