package org.registrar.dialogs;

import java.nio.file.Path;
import java.util.List;

/**
 * What a file chooser shows: its title, a suggested file name (for saving; may be empty), the folder it opens in
 * (may be null) and the kinds of file offered, each a description and its patterns ("CSV files", "*.csv").
 */
public record FileRequest(String title, String suggestedName, Path initialFolder, List<FileKind> kinds) {

    /** One entry of a file chooser's type list. */
    public record FileKind(String description, List<String> patterns) {}

    public FileRequest {
        suggestedName = suggestedName == null ? "" : suggestedName;
        kinds = List.copyOf(kinds);
    }
}
