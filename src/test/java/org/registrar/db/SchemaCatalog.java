package org.registrar.db;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Test fixture: a database's schema as a sorted set of one-line (or one-definition) descriptions, read from the
 * catalog, so two databases can be compared object by object. Names, never OIDs; the server's own deparsing
 * (pg_get_functiondef, pg_get_triggerdef, pg_get_indexdef, pg_get_constraintdef, pg_get_viewdef), so it covers
 * what {@code pg_dump --schema-only} prints, plus the Registrar roles and their memberships (cluster-wide, which
 * pg_dump leaves to pg_dumpall) and the seed rows of change_stamps. The embedded binaries ship no pg_dump.
 */
final class SchemaCatalog {
    private static final String SCHEMA = "n.nspname = current_schema()";

    private static final List<String> QUERIES = List.of(
            // schema itself
            """
            SELECT format('schema %s owner=%s comment=%s', n.nspname, pg_get_userbyid(n.nspowner),
                          obj_description(n.oid, 'pg_namespace'))
              FROM pg_namespace n WHERE SCHEMA""",
            // tables, views, sequences, indexes (as relations): owner, options, row security, comment
            """
            SELECT format('relation %s kind=%s owner=%s persistence=%s options=%s rls=%s force_rls=%s comment=%s',
                          c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relpersistence, c.reloptions,
                          c.relrowsecurity, c.relforcerowsecurity, obj_description(c.oid, 'pg_class'))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE SCHEMA""",
            // columns in order (position among the live columns), types, defaults, identity, generation, collation
            """
            SELECT format('column %s.%s position=%s type=%s not_null=%s default=%s identity=%s generated=%s'
                          || ' collation=%s storage=%s comment=%s',
                          c.relname, a.attname,
                          row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                          format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                          a.attidentity, a.attgenerated, co.collname, a.attstorage, col_description(c.oid, a.attnum))
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation
             WHERE SCHEMA AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped""",
            // constraints of tables and domains
            """
            SELECT format('constraint %s on %s%s: %s validated=%s', co.conname, coalesce(c.relname, t.typname),
                          CASE WHEN co.conindid <> 0 THEN ' index=' || co.conindid::regclass::text ELSE '' END,
                          pg_get_constraintdef(co.oid), co.convalidated)
              FROM pg_constraint co
              JOIN pg_namespace n ON n.oid = co.connamespace
              LEFT JOIN pg_class c ON c.oid = co.conrelid
              LEFT JOIN pg_type t ON t.oid = co.contypid
             WHERE SCHEMA""",
            """
            SELECT format('index %s clustered=%s valid=%s', pg_get_indexdef(i.indexrelid), i.indisclustered,
                          i.indisvalid)
              FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE SCHEMA""",
            // functions with their whole definition: body, language, volatility, SECURITY DEFINER, SET clauses
            """
            SELECT format('function %s owner=%s config=%s comment=%s%s%s', p.oid::regprocedure,
                          pg_get_userbyid(p.proowner), p.proconfig, obj_description(p.oid, 'pg_proc'), chr(10),
                          pg_get_functiondef(p.oid))
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE SCHEMA AND p.prokind <> 'a'""",
            """
            SELECT format('trigger %s enabled=%s comment=%s', pg_get_triggerdef(t.oid), t.tgenabled,
                          obj_description(t.oid, 'pg_trigger'))
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE SCHEMA AND NOT t.tgisinternal""",
            """
            SELECT format('sequence %s type=%s start=%s min=%s max=%s increment=%s cycle=%s cache=%s owned_by=%s',
                          s.seqrelid::regclass, format_type(s.seqtypid, NULL), s.seqstart, s.seqmin, s.seqmax,
                          s.seqincrement, s.seqcycle, s.seqcache,
                          (SELECT d.refobjid::regclass || '.' || a.attname || ' ' || d.deptype::text
                             FROM pg_depend d
                             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                              AND d.refclassid = 'pg_class'::regclass))
              FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE SCHEMA""",
            """
            SELECT format('view %s: %s', c.relname, pg_get_viewdef(c.oid))
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE SCHEMA AND c.relkind IN ('v', 'm')""",
            """
            SELECT format('rule %s on %s: %s', r.rulename, c.relname, pg_get_ruledef(r.oid))
              FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE SCHEMA AND r.rulename <> '_RETURN'""",
            """
            SELECT format('policy %s on %s: %s %s roles=%s using=%s check=%s', pol.polname, c.relname, pol.polcmd,
                          pol.polpermissive, pol.polroles::regrole[], pg_get_expr(pol.polqual, pol.polrelid),
                          pg_get_expr(pol.polwithcheck, pol.polrelid))
              FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE SCHEMA""",
            """
            SELECT format('type %s kind=%s base=%s not_null=%s default=%s labels=%s', t.typname, t.typtype,
                          format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
                          (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e
                            WHERE e.enumtypid = t.oid))
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE SCHEMA AND t.typtype IN ('d', 'e', 'r', 'm')""",
            """
            SELECT format('statistics %s: %s', s.stxname, pg_get_statisticsobjdef(s.oid))
              FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE SCHEMA""",
            """
            SELECT format('extension %s version=%s schema=%s', e.extname, e.extversion, n.nspname)
              FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace""",
            // privileges, one line per grantor, grantee and privilege, defaults spelled out
            """
            SELECT format('privilege on %s %s: %s to %s by %s grantable=%s', kind, name, x.privilege_type,
                          CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END,
                          pg_get_userbyid(x.grantor), x.is_grantable)
              FROM (SELECT 'relation' AS kind, c.relname::text AS name,
                           coalesce(c.relacl, acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::"char",
                                                         c.relowner)) AS acl
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE SCHEMA AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                    UNION ALL
                    SELECT 'column', c.relname || '.' || a.attname, a.attacl
                      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                      JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE SCHEMA AND a.attacl IS NOT NULL
                    UNION ALL
                    SELECT 'function', p.oid::regprocedure::text, coalesce(p.proacl, acldefault('f', p.proowner))
                      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE SCHEMA
                    UNION ALL
                    SELECT 'schema', n.nspname, coalesce(n.nspacl, acldefault('n', n.nspowner))
                      FROM pg_namespace n WHERE SCHEMA
                    UNION ALL
                    SELECT 'database', 'current', coalesce(d.datacl, acldefault('d', d.datdba))
                      FROM pg_database d WHERE d.datname = current_database()
                    UNION ALL
                    SELECT 'default for ' || da.defaclobjtype::text, pg_get_userbyid(da.defaclrole), da.defaclacl
                      FROM pg_default_acl da) o
             CROSS JOIN LATERAL aclexplode(o.acl) x""",
            // the Registrar roles (cluster-wide): attributes, comments, memberships, per-role settings
            """
            SELECT format('role %s super=%s inherit=%s createrole=%s createdb=%s login=%s replication=%s'
                          || ' bypassrls=%s connlimit=%s comment=%s',
                          r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
                          r.rolreplication, r.rolbypassrls, r.rolconnlimit, shobj_description(r.oid, 'pg_authid'))
              FROM pg_roles r WHERE r.rolname LIKE 'registrar\\_%'""",
            """
            SELECT format('membership %s in %s admin=%s inherit=%s set=%s by %s', pg_get_userbyid(m.member),
                          pg_get_userbyid(m.roleid), m.admin_option, m.inherit_option, m.set_option,
                          pg_get_userbyid(m.grantor))
              FROM pg_auth_members m
             WHERE pg_get_userbyid(m.member) LIKE 'registrar\\_%' OR pg_get_userbyid(m.roleid) LIKE 'registrar\\_%'""",
            """
            SELECT format('role setting %s in %s: %s', pg_get_userbyid(s.setrole),
                          CASE WHEN s.setdatabase = 0 THEN 'all databases' ELSE 'this database' END, s.setconfig)
              FROM pg_db_role_setting s
             WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))""",
            // seed rows the migrations insert
            """
            SELECT format('change stamp %s = %s', table_name, stamp) FROM change_stamps""");

    private SchemaCatalog() {}

    /** Every description of {@code jdbi}'s current schema, sorted. */
    static TreeSet<String> describe(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            TreeSet<String> lines = new TreeSet<>();
            for (String query : QUERIES) {
                lines.addAll(handle.createQuery(query.replace("SCHEMA", SCHEMA))
                        .mapTo(String.class)
                        .list());
            }
            return lines;
        });
    }

    /** What only one side has, as text for an assertion message; empty when both describe the same schema. */
    static String difference(String leftName, TreeSet<String> left, String rightName, TreeSet<String> right) {
        List<String> report = new ArrayList<>();
        for (String line : left) {
            if (!right.contains(line)) {
                report.add("only in " + leftName + ": " + line);
            }
        }
        for (String line : right) {
            if (!left.contains(line)) {
                report.add("only in " + rightName + ": " + line);
            }
        }
        return String.join("\n", report);
    }
}
