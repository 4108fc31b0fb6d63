package org.registrar.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files only this OS account may open (mode 0700 and 0600 on POSIX systems; on Windows the user's
 * profile folders are private already). Created that way, never created open and narrowed later; an existing folder
 * that is looser is tightened, one that belongs to another account is refused. Blocking file I/O; thread-safe.
 */
public final class PrivateFolder {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFolder.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {}

    /**
     * Makes {@code folder} (and missing parents, with the default mode) exist as a private folder of this account.
     *
     * @throws IOException if it is not a folder, belongs to another account, or cannot be made private
     */
    public static Path ensure(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(absolute, attributes(FOLDER));
                return absolute;
            } catch (FileAlreadyExistsException raced) {
                LOG.info("{} was created meanwhile (another start)", absolute);
            }
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(Messages.text("messages.folder.notAFolder", String.valueOf(absolute)));
        }
        requireOwnedByMe(absolute);
        tighten(absolute, FOLDER);
        return absolute;
    }

    /** Writes {@code bytes} to {@code file} readable by this account only, atomically (never half written). */
    static void writeFile(Path file, byte[] bytes) throws IOException {
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", attributes(FILE));
        try {
            Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Narrows an existing file or folder to {@code wanted} when it is looser (never widens it). */
    static boolean tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!isPosix(path)) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!wanted.containsAll(current)) {
            LOG.warn(
                    "{} was open to others ({}): making it private ({})",
                    path,
                    PosixFilePermissions.toString(current),
                    PosixFilePermissions.toString(wanted));
            Files.setPosixFilePermissions(path, wanted);
            return true;
        }
        return false;
    }

    /**
     * Puts a folder back to {@link #FOLDER} after a library loosened it on purpose as it does on every start (zonky's
     * working folder): not a sign of another account, so no warning.
     */
    static void restore(Path folder) throws IOException {
        if (isPosix(folder) && !FOLDER.containsAll(Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS))) {
            LOG.debug("{}: private again after the server's unpacking", folder);
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return isPosixSystem()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static void requireOwnedByMe(Path folder) throws IOException {
        if (!isPosix(folder)) {
            return;
        }
        UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!owner.getName().equals(me)) {
            throw new IOException(
                    Messages.text("messages.folder.otherAccount", String.valueOf(folder), owner.getName(), me));
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean isPosixSystem() {
        return java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix");
    }
}
