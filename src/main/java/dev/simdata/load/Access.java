package dev.simdata.load;

import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * After the load: {@code --grant ROLE[,ROLE]} grants USAGE on the schema and SELECT on every loaded table (Supabase
 * no longer grants {@code anon} and {@code authenticated} on new tables), and {@code --enable-rls} enables row level
 * security on them. Both are idempotent, in one transaction.
 */
final class Access
{
    private final Database database;
    private final String schema;
    private final List<String> roles;
    private final boolean enableRls;

    Access(Database database, String schema, List<String> roles, boolean enableRls)
    {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.roles = List.copyOf(requireNonNull(roles, "roles is null"));
        this.enableRls = enableRls;
    }

    boolean requested()
    {
        return !roles.isEmpty() || enableRls;
    }

    /** Refuses, before anything is loaded, a role that does not exist. */
    void checkRoles(Connection admin)
    {
        if (roles.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        try {
            database.inTransaction(admin, connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    for (String role : roles) {
                        statement.setString(1, role);
                        try (ResultSet result = statement.executeQuery()) {
                            if (!result.next()) {
                                missing.add(role);
                            }
                        }
                    }
                }
                return null;
            });
        }
        catch (SQLException e) {
            throw database.failure("cannot read the roles", e);
        }
        if (!missing.isEmpty()) {
            throw new LoadException("--grant names role(s) " + String.join(", ", missing) + " that do not exist on " + database.target().display()
                    + "; create them first or drop them from --grant (nothing was loaded)");
        }
    }

    void apply(Connection admin, List<TableSchema> tables)
    {
        if (!requested()) {
            return;
        }
        List<String> statements = new ArrayList<>();
        for (String role : roles) {
            statements.add("GRANT USAGE ON SCHEMA " + PostgresDdl.quote(schema) + " TO " + PostgresDdl.quote(role));
            for (TableSchema table : tables) {
                statements.add("GRANT SELECT ON " + PostgresDdl.qualified(schema, table.name()) + " TO " + PostgresDdl.quote(role));
            }
        }
        if (enableRls) {
            for (TableSchema table : tables) {
                statements.add("ALTER TABLE " + PostgresDdl.qualified(schema, table.name()) + " ENABLE ROW LEVEL SECURITY");
            }
        }
        try {
            database.inTransaction(admin, connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                return null;
            });
        }
        catch (SQLException e) {
            throw database.failure("cannot grant access to the loaded tables", e);
        }
    }
}
