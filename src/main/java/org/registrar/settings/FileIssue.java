package org.registrar.settings;

import java.nio.file.Path;
import org.registrar.i18n.Messages;

/**
 * One thing wrong with the machine-wide settings file: where (line 0 for the file as a whole), which key (may be
 * null) and what, in an admin's words. Immutable.
 */
public record FileIssue(Path file, int line, String key, String problem) {
    /** "/etc/registrar/registrar.properties line 4, server.port: “abc” is not a port number (1-65535)". */
    public String describe() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(' ').append(Messages.text("messages.settings.line", line));
        }
        if (key != null) {
            text.append(line > 0 ? ", " : ": ").append(key);
        }
        return text.append(": ").append(problem).toString();
    }
}
