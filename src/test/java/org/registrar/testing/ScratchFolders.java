package org.registrar.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch folders test set-ups make under the temporary directory (a user data folder, drafts). */
public final class ScratchFolders {
    private ScratchFolders() {}

    /** Deletes {@code folder} and all in it; null or a file that will not go is left, with no error. */
    public static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder under the temporary directory: left for the system to clear
        }
    }
}
