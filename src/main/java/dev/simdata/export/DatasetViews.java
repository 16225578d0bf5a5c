package dev.simdata.export;

import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.DatasetPaths;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A dataset folder read through DuckDB: its manifest is read, every shard is checked against the manifest's size and
 * SHA-256 before anything else happens, and each table becomes a typed DuckDB view (Parquet when present, else CSV
 * with the schema's types). Used by the exports and by diff; depends only on the dataset format and the schemas.
 */
public final class DatasetViews
{
    private DatasetViews() {}

    /**
     * Reads the manifest and verifies every listed file.
     *
     * @throws DatasetException when the folder is not a dataset or a file fails its size or checksum
     */
    public static Manifest verified(Path dataset)
            throws IOException
    {
        if (!Files.isDirectory(dataset)) {
            throw new DatasetException(dataset + " is not a folder");
        }
        Manifest manifest = Manifest.read(dataset);
        for (TableFiles files : manifest.files()) {
            for (ShardFile shard : files.shards()) {
                Path file = DatasetPaths.resolve(dataset, shard.path());
                if (Files.size(file) != shard.bytes() || !Checksums.sha256(file).equals(shard.sha256())) {
                    throw new DatasetException(dataset.resolve(shard.path()) + " does not match its size or SHA-256 in the manifest; regenerate the dataset or restore the file");
                }
            }
        }
        return manifest;
    }

    /** The format the views read: Parquet when the dataset has it, else CSV. */
    public static DataFormat preferredFormat(Manifest manifest)
    {
        return manifest.formats().contains(DataFormat.PARQUET) ? DataFormat.PARQUET : manifest.formats().get(0);
    }

    /** The catalog's tables the dataset holds in {@code format}, in catalog (foreign-key) order. */
    public static List<TableSchema> tables(Manifest manifest, DataFormat format)
    {
        List<TableSchema> tables = new java.util.ArrayList<>();
        for (TableSchema table : dev.simdata.schema.SchemaCatalog.bundled().tables()) {
            if (manifest.files(table.name(), format).isPresent()) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** The folder an export's {@code --out} goes into, which must exist. */
    public static Path existingParent(Path target)
    {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new DatasetException("--out " + target + ": its folder does not exist; create it first");
        }
        return parent;
    }

    /** A DuckDB table expression over one table's files, with the schema's column types. */
    public static String relation(Path dataset, Manifest manifest, TableSchema table, DataFormat format)
    {
        TableFiles files = manifest.files(table.name(), format).orElseThrow(() -> new DatasetException(dataset + ": the manifest lists no " + format.id() + " files for table " + table.name()));
        StringBuilder list = new StringBuilder("[");
        for (ShardFile shard : files.shards()) {
            list.append(list.length() == 1 ? "" : ", ").append(literal(DatasetPaths.resolve(dataset, shard.path()).toString()));
        }
        list.append(']');
        if (files.shards().isEmpty()) {
            return "(SELECT " + typedNulls(table) + " WHERE false)";
        }
        if (format == DataFormat.PARQUET) {
            return "read_parquet(" + list + ")";
        }
        StringBuilder columns = new StringBuilder("{");
        for (Field field : table.fields()) {
            columns.append(columns.length() == 1 ? "" : ", ").append(literal(field.name())).append(": ").append(literal(EngineDialect.duckdbFileType(field)));
        }
        columns.append('}');
        return "read_csv(" + list + ", header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false,"
                + " auto_detect = false, strict_mode = true, columns = " + columns + ")";
    }

    /**
     * A table expression over one table's files that needs no schema: Parquet as stored, CSV with every column as text
     * (header names kept). For comparing datasets of different simdata versions.
     */
    public static String untypedRelation(Path dataset, Manifest manifest, String table, DataFormat format)
    {
        TableFiles files = manifest.files(table, format).orElseThrow(() -> new DatasetException(dataset + ": the manifest lists no " + format.id() + " files for table " + table));
        StringBuilder list = new StringBuilder("[");
        for (ShardFile shard : files.shards()) {
            list.append(list.length() == 1 ? "" : ", ").append(literal(DatasetPaths.resolve(dataset, shard.path()).toString()));
        }
        list.append(']');
        if (files.shards().isEmpty()) {
            throw new DatasetException(dataset + ": table " + table + " lists no files");
        }
        return format == DataFormat.PARQUET
                ? "read_parquet(" + list + ")"
                : "read_csv(" + list + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', union_by_name = true)";
    }

    /** Creates (or replaces) a temporary view {@code <prefix><table>} for each listed table. */
    public static void createViews(Connection duckdb, Path dataset, Manifest manifest, List<TableSchema> tables, DataFormat format, String prefix)
            throws SQLException
    {
        try (Statement statement = duckdb.createStatement()) {
            for (TableSchema table : tables) {
                statement.execute("CREATE OR REPLACE TEMP VIEW " + PostgresDdl.quote(prefix + table.name()) + " AS SELECT * FROM " + relation(dataset, manifest, table, format));
            }
        }
    }



    public static String literal(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String typedNulls(TableSchema table)
    {
        StringBuilder out = new StringBuilder();
        for (Field field : table.fields()) {
            out.append(out.length() == 0 ? "" : ", ").append("CAST(NULL AS ").append(EngineDialect.duckdbFileType(field)).append(") AS ").append(PostgresDdl.quote(field.name()));
        }
        return out.toString();
    }
}
