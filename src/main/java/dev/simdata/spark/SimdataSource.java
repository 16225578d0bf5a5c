package dev.simdata.spark;

import dev.simdata.cli.UserException;
import dev.simdata.schema.TableSource;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spark.read().format("simdata").option("scenario", "load_test").option("scale", "10").option("table", "events").load()}:
 * one table of a dataset as a DataFrame, generated in the executors, one input partition per shard, with the
 * schema's Spark types. Every option but {@code table} is a {@code generate} flag without its dashes
 * ({@code seed}, {@code as-of} or {@code as_of}, {@code config}, {@code shard-rows} ...), so the rows equal the
 * Parquet files {@code generate} writes with the same flags.
 */
public final class SimdataSource
        implements TableProvider, DataSourceRegister
{
    static final String TABLE = "table";

    @Override
    public String shortName()
    {
        return "simdata";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options)
    {
        return SparkSchemas.of(source(options).schema());
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties)
    {
        CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
        return new SimdataTable(arguments(options), tableIndex(options));
    }

    /** The generate flags the options spell, in a fixed order. */
    static List<String> arguments(CaseInsensitiveStringMap options)
    {
        Map<String, String> sorted = new TreeMap<>();
        options.asCaseSensitiveMap().forEach((key, value) -> sorted.put(key.toLowerCase(Locale.ROOT).replace('_', '-'), value));
        List<String> args = new ArrayList<>();
        sorted.forEach((key, value) -> {
            if (!key.equals(TABLE) && !key.equals("path")) {
                args.add("--" + key);
                args.add(value);
            }
        });
        return args;
    }

    static int tableIndex(CaseInsensitiveStringMap options)
    {
        String table = options.get(TABLE);
        if (table == null || table.isBlank()) {
            throw new UserException("format(\"simdata\") needs option(\"table\", NAME): one of the tables 'simdata schema --dialect spark' prints");
        }
        List<TableSource> sources = ShardTasks.sources(arguments(options));
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).schema().name().equals(table)) {
                return i;
            }
        }
        throw new UserException("format(\"simdata\"): no table '" + table + "' in this dataset; the tables are "
                + sources.stream().map(source -> source.schema().name()).toList());
    }

    private static TableSource source(CaseInsensitiveStringMap options)
    {
        return ShardTasks.sources(arguments(options)).get(tableIndex(options));
    }
}
