package org.registrar.db;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start at a time per user data folder: an OS file lock on {@code registrar-start.lock}, held from before the
 * embedded server starts until the app's data side is ready (database, schema, logins, demo data). A second window
 * started meanwhile waits here and then finds the server running. The OS drops the lock when the process dies, so
 * a killed start never blocks the next. Not thread-safe; close once.
 */
public final class StartLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartLock.class);
    static final String FILE = "registrar-start.lock";
    /** A first start with demo data takes a minute on a slow PC; far longer means the other start is stuck. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final FileChannel channel;
    private final FileLock lock;

    private StartLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the start lock of {@code folder} (a private folder), waiting while another process or window holds it;
     * says so once to {@code progress}. Blocking.
     *
     * @throws IOException if the other start holds it for more than 10 minutes
     */
    public static StartLock acquire(Path folder, Consumer<String> progress) throws IOException {
        PrivateFolder.ensure(folder);
        FileChannel channel =
                FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new StartLock(channel, lock);
                }
                if (!told) {
                    LOG.info("Waiting for another start to finish ({} is locked)", folder.resolve(FILE));
                    progress.accept(waiting());
                    told = true;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(Messages.text(
                            "messages.server.otherStartStuck", MAX_WAIT.toMinutes(), String.valueOf(folder)));
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException(Messages.text("messages.server.interruptedWaiting"));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The step shown while another start holds the lock, in the language chosen now: read when it is shown, never
     * kept in a constant, as a class loaded before the language was applied (an early start) would keep the system's.
     */
    public static String waiting() {
        return Messages.text("messages.server.waitingForOtherStart");
    }

    /** Null while held elsewhere: by another process, or by another start in this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
