package org.registrar.assessments.save;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.db.LocalFiles;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts of unsaved grids in the user data folder, one file per cohort and assessment. Every write goes to a
 * temporary file that is forced to disk and then atomically renamed over the draft, so a crash at any moment leaves
 * either the previous draft or the new one, never half of one. Blocking file I/O: not on the FX thread. Thread-safe
 * (writes of one draft are serialised).
 */
public final class DraftStore {
    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);

    /** A grid is one cohort; far more students than any cohort has, each with a long comment, fit. */
    static final int MAX_ENTRIES = 100_000;

    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final int MAX_NUMBER_CHARS = 32;

    private final Path folder;

    /**
     * The draft this store last wrote to each file, with what the file looked like then. The grid journals every
     * edit, so when Save hands over its draft the same entries of the same batch are usually on disk already:
     * writing them again (two forces to disk) was most of the Save's time beside the database (ADR 0065).
     */
    private final Map<Path, Written> onDisk = new HashMap<>();

    /** A draft as written, and the file's identity, time and size right after (anything else since: written again). */
    private record Written(Draft draft, BasicFileAttributes file) {
        boolean holds(Draft other, BasicFileAttributes now) {
            return now != null
                    && Objects.equals(now.fileKey(), file.fileKey())
                    && now.lastModifiedTime().equals(file.lastModifiedTime())
                    && now.size() == file.size()
                    && draft.batchId().equals(other.batchId())
                    && Objects.equals(draft.newAssessment(), other.newAssessment())
                    && draft.entries().equals(other.entries());
        }
    }

    /** @param dataHome the user data folder; drafts live in its {@code drafts} sub-folder */
    public DraftStore(Path dataHome) {
        this.folder = dataHome.resolve("drafts");
    }

    /**
     * Writes the draft durably, replacing the previous one of the same grid. A draft that differs from the one this
     * store last wrote there only in its time is not written again (the file keeps the time of the last change).
     */
    public synchronized void save(Draft draft) {
        Path target = file(draft.cohortId(), draft.assessmentId());
        Written written = onDisk.remove(target);
        if (written != null && written.holds(draft, attributes(target))) {
            onDisk.put(target, written);
            return;
        }
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(target.getFileName() + ".tmp");
            byte[] bytes = encode(draft).getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder();
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("messages.drafts.notWritten", target, e.getMessage()), e);
        }
        BasicFileAttributes file = attributes(target);
        if (file != null) {
            onDisk.put(target, new Written(draft, file));
        }
    }

    /** The file's attributes, not following a link; null when it is not a regular file or cannot be read. */
    private static BasicFileAttributes attributes(Path file) {
        try {
            BasicFileAttributes read = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return read.isRegularFile() ? read : null;
        } catch (IOException gone) {
            return null;
        }
    }

    /**
     * The draft of this grid, if one was left. One that cannot be read (not a regular file, over {@link #MAX_BYTES},
     * over {@link #MAX_ENTRIES} entries, or damaged) is set aside (renamed {@code .unreadable-<timestamp>}) and
     * logged, so it neither hangs nor fails the grid again.
     */
    public synchronized Optional<Draft> find(long cohortId, Long assessmentId) {
        Path file = file(cohortId, assessmentId);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(LocalFiles.readText(file, MAX_BYTES)));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Draft {} cannot be read; set aside", file, unreadable);
            onDisk.remove(file);
            try {
                LocalFiles.setAside(file, Instant.now());
            } catch (IOException ignored) {
                LOG.warn("Could not set {} aside", file, ignored);
            }
            return Optional.empty();
        }
    }

    /**
     * Every readable draft in the folder, newest first, read as {@link #find} reads one (size-bounded, no link
     * followed); one that cannot be read is left out of the list (and set aside when its grid is opened).
     */
    public synchronized List<Draft> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Draft> found = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".draft"))
                    .toList()) {
                try {
                    found.add(decode(LocalFiles.readText(file, MAX_BYTES)));
                } catch (IOException | RuntimeException unreadable) {
                    LOG.warn("Draft {} cannot be read; left out of the list", file, unreadable);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("messages.drafts.notListed", folder, e.getMessage()), e);
        }
        found.sort(java.util.Comparator.comparing(Draft::updatedAt).reversed());
        return found;
    }

    /** Removes the draft once its save is confirmed. */
    public synchronized void delete(long cohortId, Long assessmentId) {
        onDisk.remove(file(cohortId, assessmentId));
        try {
            Files.deleteIfExists(file(cohortId, assessmentId));
            forceFolder();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the draft of this grid is kept (support: what to look for; tests: what to damage). */
    public Path file(long cohortId, Long assessmentId) {
        return folder.resolve("results-" + cohortId + "-" + (assessmentId == null ? "new" : assessmentId) + ".draft");
    }

    private void forceFolder() {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder as a channel; the rename is durable there once the file was forced
        }
    }

    static String encode(Draft draft) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", "1");
        properties.setProperty("batch", draft.batchId().toString());
        properties.setProperty("cohort", String.valueOf(draft.cohortId()));
        properties.setProperty("updated", draft.updatedAt().toString());
        if (draft.assessmentId() != null) {
            properties.setProperty("assessment", String.valueOf(draft.assessmentId()));
        }
        NewAssessment created = draft.newAssessment();
        if (created != null) {
            properties.setProperty("new.title", created.title());
            properties.setProperty("new.subject", created.subject());
            properties.setProperty("new.max", created.maxScore().toPlainString());
            properties.setProperty("new.date", created.assessedOn().toString());
        }
        properties.setProperty("entries", String.valueOf(draft.entries().size()));
        for (int i = 0; i < draft.entries().size(); i++) {
            Draft.Entry entry = draft.entries().get(i);
            properties.setProperty("e." + i + ".student", String.valueOf(entry.studentId()));
            properties.setProperty("e." + i + ".score", entry.score() == null ? "" : entry.score());
            if (entry.comment() != null) {
                properties.setProperty("e." + i + ".comment", entry.comment());
            }
            if (entry.basedOnVersion() != null) {
                properties.setProperty("e." + i + ".version", String.valueOf(entry.basedOnVersion()));
            }
        }
        StringWriter text = new StringWriter();
        properties.store(text, "Registrar results draft");
        return text.toString();
    }

    static Draft decode(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        long cohort = Long.parseLong(properties.getProperty("cohort"));
        String assessment = properties.getProperty("assessment");
        NewAssessment created = properties.getProperty("new.title") == null
                ? null
                : new NewAssessment(
                        cohort,
                        properties.getProperty("new.title"),
                        properties.getProperty("new.subject"),
                        new BigDecimal(bounded(properties.getProperty("new.max"))),
                        LocalDate.parse(properties.getProperty("new.date")));
        int count = Integer.parseInt(properties.getProperty("entries"));
        if (count < 0 || count > MAX_ENTRIES || count * 2L > properties.size()) {
            throw new IllegalArgumentException(Messages.text("messages.drafts.tooManyEntries", count, MAX_ENTRIES));
        }
        List<Draft.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String version = properties.getProperty("e." + i + ".version");
            entries.add(new Draft.Entry(
                    Long.parseLong(properties.getProperty("e." + i + ".student")),
                    properties.getProperty("e." + i + ".score"),
                    properties.getProperty("e." + i + ".comment"),
                    version == null ? null : Integer.valueOf(version)));
        }
        return new Draft(
                UUID.fromString(properties.getProperty("batch")),
                cohort,
                assessment == null ? null : Long.valueOf(assessment),
                created,
                Instant.parse(properties.getProperty("updated")),
                entries);
    }

    private static String bounded(String number) {
        if (number != null && number.length() > MAX_NUMBER_CHARS) {
            throw new IllegalArgumentException(Messages.text("messages.drafts.numberTooLong", number.length()));
        }
        return number;
    }
}
