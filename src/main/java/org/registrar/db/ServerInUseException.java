package org.registrar.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded server's data folder is served by another running Registrar (another window of this user); that
 * app owns the server, so this one may {@link EmbeddedServer#attach attach} to it as a client, never take it over.
 */
public final class ServerInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    ServerInUseException(Path directory) {
        super("The data folder " + directory + " is in use by another running Registrar");
    }
}
