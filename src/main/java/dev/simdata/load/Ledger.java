package dev.simdata.load;

import dev.simdata.schema.PostgresDdl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The table {@code simdata_load_ledger} in the target schema: one row per loaded shard, inserted first in the shard's
 * transaction and committed with its rows, so a shard is either loaded and recorded or neither, and loaded once. It
 * holds no connection details.
 */
final class Ledger
{
    static final String TABLE = "simdata_load_ledger";

    private final String schema;

    Ledger(String schema)
    {
        this.schema = requireNonNull(schema, "schema is null");
    }

    String qualifiedName()
    {
        return PostgresDdl.qualified(schema, TABLE);
    }

    void create(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\n"
                    + "  dataset_id text NOT NULL,\n"
                    + "  table_name text NOT NULL,\n"
                    + "  shard integer NOT NULL,\n"
                    + "  format text NOT NULL,\n"
                    + "  path text NOT NULL,\n"
                    + "  sha256 text NOT NULL,\n"
                    + "  rows bigint NOT NULL,\n"
                    + "  loaded_at timestamptz NOT NULL DEFAULT now(),\n"
                    + "  PRIMARY KEY (dataset_id, table_name, shard)\n"
                    + ")");
        }
    }

    /** A shard as recorded. */
    record Entry(String table, int shard, String format, String path, String sha256, long rows) {}

    /** The shards of {@code datasetId} already loaded, keyed by {@code table/shard}. */
    Map<String, Entry> entries(Connection connection, String datasetId)
            throws SQLException
    {
        Map<String, Entry> entries = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name, shard, format, path, sha256, rows FROM " + qualifiedName() + " WHERE dataset_id = ?")) {
            statement.setString(1, datasetId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Entry entry = new Entry(result.getString(1), result.getInt(2), result.getString(3), result.getString(4), result.getString(5), result.getLong(6));
                    entries.put(key(entry.table(), entry.shard()), entry);
                }
            }
        }
        return entries;
    }

    static String key(String table, int shard)
    {
        return table + "/" + shard;
    }

    /**
     * Records the shard with the rows the manifest gives, first thing in the shard's transaction: the primary key
     * (dataset, table, shard) makes a second loader's claim of the same shard wait for this transaction and then find
     * it taken, so a shard is never loaded twice, even by loads that run at once. Returns false when the shard is
     * already recorded (by another load, committed meanwhile).
     */
    boolean claim(Connection connection, String datasetId, PlannedShard shard)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + qualifiedName() + " (dataset_id, table_name, shard, format, path, sha256, rows) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (dataset_id, table_name, shard) DO NOTHING")) {
            statement.setString(1, datasetId);
            statement.setString(2, shard.table().name());
            statement.setInt(3, shard.index());
            statement.setString(4, shard.format().id());
            statement.setString(5, shard.shard().path());
            statement.setString(6, shard.shard().sha256());
            statement.setLong(7, shard.shard().rows());
            return statement.executeUpdate() == 1;
        }
    }

    /** Rows recorded for {@code table} by {@code datasetId}. */
    long rows(Connection connection, String datasetId, String table)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(sum(rows), 0) FROM " + qualifiedName() + " WHERE dataset_id = ? AND table_name = ?")) {
            statement.setString(1, datasetId);
            statement.setString(2, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    void forget(Connection connection, List<String> tables)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE table_name = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
            statement.executeUpdate();
        }
    }
}
