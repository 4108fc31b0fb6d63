package org.registrar.db;

/**
 * The database holds migrations this build of the app does not know: a newer Registrar upgraded it. The app
 * refuses to work on it rather than write with an outdated idea of the schema. Immutable.
 */
public final class NewerSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String databaseVersion;
    private final String appVersion;

    NewerSchemaException(String databaseVersion, String appVersion) {
        super("This database was upgraded by a newer Registrar (schema " + databaseVersion + "); this app knows schema "
                + appVersion + ". Please install the newer version.");
        this.databaseVersion = databaseVersion;
        this.appVersion = appVersion;
    }

    /** The newest schema version applied to the database. */
    public String databaseVersion() {
        return databaseVersion;
    }

    /** The newest schema version this app knows. */
    public String appVersion() {
        return appVersion;
    }
}
