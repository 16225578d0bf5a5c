package dev.simdata.load;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects outside the dataset's tables that a replace would have to drop: views (and materialized views) that
 * read them and foreign keys of other tables that reference them. Names come from the catalog, already quoted by
 * PostgreSQL ({@code regclass::text}, {@code quote_ident}).
 */
record Dependents(List<String> described, List<String> dropStatements)
{
    private static final String DOOMED = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ANY (?)";

    Dependents
    {
        described = List.copyOf(described);
        dropStatements = List.copyOf(dropStatements);
    }

    boolean isEmpty()
    {
        return described.isEmpty();
    }

    static Dependents of(Connection admin, String schema, List<String> tables)
            throws SQLException
    {
        List<String> described = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        Array names = admin.createArrayOf("text", tables.toArray());
        // foreign keys first: they are dropped before the views and tables
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT quote_ident(con.conname), con.conrelid::regclass::text FROM pg_constraint con WHERE con.contype = 'f' "
                        + "AND con.confrelid IN (" + DOOMED + ") AND con.conrelid NOT IN (" + DOOMED + ") ORDER BY 2, 1")) {
            statement.setString(1, schema);
            statement.setArray(2, names);
            statement.setString(3, schema);
            statement.setArray(4, names);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    described.add("foreign key " + result.getString(1) + " on " + result.getString(2));
                    drops.add("ALTER TABLE " + result.getString(2) + " DROP CONSTRAINT " + result.getString(1));
                }
            }
        }
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT DISTINCT v.oid::regclass::text, v.relkind FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
                        + "JOIN pg_class v ON v.oid = r.ev_class WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
                        + "AND d.refobjid IN (" + DOOMED + ") AND v.oid <> d.refobjid ORDER BY 1")) {
            statement.setString(1, schema);
            statement.setArray(2, names);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    boolean materialized = "m".equals(result.getString(2));
                    described.add((materialized ? "materialized view " : "view ") + result.getString(1));
                    drops.add("DROP " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + "IF EXISTS " + result.getString(1));
                }
            }
        }
        return new Dependents(described, drops);
    }
}
