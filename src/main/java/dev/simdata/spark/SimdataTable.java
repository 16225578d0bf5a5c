package dev.simdata.spark;

import dev.simdata.dataset.ShardPlanner;
import dev.simdata.dataset.ShardSpec;
import dev.simdata.schema.TableSource;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One table of a generated dataset, readable in batch: one input partition per shard of {@code generate}'s plan. */
final class SimdataTable
        implements SupportsRead, ScanBuilder, Scan, Batch
{
    private final List<String> args;
    private final int table;

    SimdataTable(List<String> args, int table)
    {
        this.args = List.copyOf(args);
        this.table = table;
    }

    private TableSource source()
    {
        return ShardTasks.sources(args).get(table);
    }

    @Override
    public String name()
    {
        return "simdata." + source().schema().name();
    }

    @Override
    public StructType schema()
    {
        return SparkSchemas.of(source().schema());
    }

    @Override
    public Set<TableCapability> capabilities()
    {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options)
    {
        return this;
    }

    @Override
    public Scan build()
    {
        return this;
    }

    @Override
    public StructType readSchema()
    {
        return schema();
    }

    @Override
    public Batch toBatch()
    {
        return this;
    }

    /** The shards of generate's plan; the counting pass (tables whose row counts vary) runs here, on the driver. */
    @Override
    public InputPartition[] planInputPartitions()
    {
        TableSource source = source();
        long shardRows = ShardTasks.request(args).options().shardRows();
        long[] blockRows = new long[ShardPlanner.blockCount(source)];
        java.util.stream.IntStream.range(0, blockRows.length).parallel().forEach(block -> blockRows[block] = ShardPlanner.countBlock(source, block));
        List<InputPartition> partitions = new ArrayList<>();
        for (ShardSpec shard : ShardPlanner.plan(source, shardRows, blockRows)) {
            partitions.add(new Shard(new ArrayList<>(args), table, shard.index(), shard.firstUnit(), shard.skipRows(), shard.rows()));
        }
        return partitions.toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory()
    {
        return new ShardReaders();
    }

    /** One shard: the generate flags and the shard's coordinates. */
    record Shard(ArrayList<String> args, int table, int index, long firstUnit, int skipRows, long rows) implements InputPartition, Serializable
    {
        ShardSpec spec()
        {
            return new ShardSpec(index, firstUnit, skipRows, rows);
        }
    }
}
