package org.registrar.db;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.registrar.i18n.Messages;

/**
 * Whether the login may upgrade the schema, read from the server's catalog before anything is changed: a superuser
 * may; otherwise the login must be a member of the role owning every table, view, sequence and function of the
 * schema (registrar_owner once V50 ran), may create objects in the schema, and may write the schema history; for a
 * member of registrar_owner, that role must also be allowed to create in the schema (the migrations hand new tables
 * to it).
 * People's logins (admin, staff, support) own nothing, so they are refused before Flyway starts rather than halfway
 * through a migration. Thread-safe (stateless); blocking.
 */
public final class SchemaOwnerCheck {
    private static final String READ = """
            SELECT session_user AS login,
                   current_schema() AS schema,
                   r.rolsuper AS superuser,
                   has_schema_privilege(current_schema(), 'CREATE') AS may_create,
                   NOT (EXISTS (SELECT FROM pg_roles WHERE rolname = 'registrar_owner')
                        AND pg_has_role('registrar_owner', 'MEMBER')
                        AND NOT has_schema_privilege('registrar_owner', current_schema(), 'CREATE'))
                       AS owner_role_may_create,
                   to_regclass('flyway_schema_history') IS NULL
                       OR (has_table_privilege('flyway_schema_history', 'INSERT')
                           AND has_table_privilege('flyway_schema_history', 'UPDATE')) AS may_write_history,
                   (SELECT string_agg(DISTINCT pg_get_userbyid(owner), ', ' ORDER BY pg_get_userbyid(owner))
                    FROM (SELECT c.relowner AS owner FROM pg_class c
                          WHERE c.relnamespace = current_schema()::regnamespace
                            AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname <> 'flyway_schema_history'
                          UNION ALL
                          SELECT p.proowner FROM pg_proc p
                          WHERE p.pronamespace = current_schema()::regnamespace
                            AND NOT EXISTS (SELECT FROM pg_depend d
                                            WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                              AND d.deptype = 'e')) owners
                    WHERE NOT pg_has_role(owner, 'USAGE')) AS foreign_owners
            FROM pg_roles r WHERE r.rolname = current_user
            """;

    private SchemaOwnerCheck() {}

    /** Why this login may not upgrade the schema, in words for the admin; empty when it may. */
    public static Optional<String> refusal(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(READ)
                .map((row, context) -> refusal(
                        row.getString("login"),
                        row.getString("schema"),
                        row.getBoolean("superuser"),
                        row.getBoolean("may_create"),
                        row.getBoolean("may_write_history"),
                        row.getBoolean("owner_role_may_create"),
                        row.getString("foreign_owners")))
                .one());
    }

    private static Optional<String> refusal(
            String login,
            String schema,
            boolean superuser,
            boolean mayCreate,
            boolean mayWriteHistory,
            boolean ownerRoleMayCreate,
            String foreignOwners) {
        if (superuser) {
            return Optional.empty();
        }
        if (foreignOwners != null) {
            return refused(login, Messages.text("messages.schemaOwner.foreignOwners", foreignOwners, login));
        }
        if (!mayCreate) {
            return refused(login, Messages.text("messages.schemaOwner.mayNotCreate", schema));
        }
        if (!mayWriteHistory) {
            return refused(login, Messages.text("messages.schemaOwner.mayNotWriteHistory"));
        }
        if (!ownerRoleMayCreate) {
            // the migrations hand each new table to registrar_owner, and PostgreSQL gives a table only to a role that
            // may create in its schema: found here rather than as "permission denied" halfway through
            return refused(login, Messages.text("messages.schemaOwner.ownerRoleMayNotCreate", schema));
        }
        return Optional.empty();
    }

    /** "The login … may not upgrade this database: {reason} Run migrate with the owner login …", in the language now. */
    private static Optional<String> refused(String login, String reason) {
        return Optional.of(Messages.text("messages.schemaOwner.refused", login, reason));
    }
}
