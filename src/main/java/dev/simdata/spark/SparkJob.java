package dev.simdata.spark;

import dev.simdata.app.GenerateDataset;
import dev.simdata.app.GenerateRequest;
import dev.simdata.cli.JobArguments;
import dev.simdata.cli.UserException;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.ShardPlanner;
import dev.simdata.dataset.ShardSpec;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The driver of the Spark job: plans the shards with the project's planner (the counting pass of the tables whose
 * row counts vary runs as Spark tasks), runs one task per (table, shard), gathers every file's size and SHA-256 from
 * the tasks, removes this job's leftover temporary files, and writes {@code datapackage.json} and then
 * {@code SHA256SUMS} last. Spark is the scheduler only: the bytes come from the same writers as {@code generate}.
 */
final class SparkJob
{
    private static final long ZOMBIE_WAIT_MILLIS = 60_000;

    private SparkJob() {}

    record Result(String out, long rows, int files, long elapsedNanos) {}

    static Result run(SparkSession spark, List<String> args)
            throws IOException
    {
        return run(JavaSparkContext.fromSparkContext(spark.sparkContext()), args);
    }

    static Result run(JavaSparkContext context, List<String> args)
            throws IOException
    {
        long started = System.nanoTime();
        JobArguments.Job job = JobArguments.parse(args.toArray(String[]::new));
        if (job.out() == null || job.out().isBlank()) {
            throw new UserException("--out URI is required: the new or empty folder (any Hadoop FileSystem path) the dataset is written to");
        }
        GenerateRequest request = job.request();
        if (request.options().formats().contains(DataFormat.PARQUET)) {
            ParquetVersion.check();
        }
        List<DataFormat> formats = request.options().orderedFormats();
        Path given = new Path(job.out());
        String root = given.getFileSystem(context.hadoopConfiguration()).makeQualified(given).toString();
        HadoopFiles files = new HadoopFiles(root, context.hadoopConfiguration());
        List<TableSource> sources = ShardTasks.sources(args);
        prepare(files, sources, formats);
        String token = ".tmp-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        List<List<ShardSpec>> plans = plan(context, args, sources, request.options().shardRows());
        List<ShardTasks.ShardTask> tasks = new ArrayList<>();
        for (int t = 0; t < sources.size(); t++) {
            for (ShardSpec shard : plans.get(t)) {
                tasks.add(new ShardTasks.ShardTask(t, sources.get(t).schema().name(), shard.index(), shard.firstUnit(), shard.skipRows(), shard.rows()));
            }
        }
        // largest first, so that the small shards fill the gaps at the end; the order never changes a byte
        tasks.sort(Comparator.comparingLong(ShardTasks.ShardTask::rows).reversed());
        String group = "simdata-write-" + token;
        context.setJobGroup(group, "simdata: write " + tasks.size() + " shards", true);
        List<ShardTasks.Written> written;
        try {
            written = context.parallelize(tasks, tasks.size()).map(new ShardTasks.WriteShard(args, files, token)).collect();
        }
        finally {
            context.clearJobGroup();
        }
        awaitStragglers(context, group);
        for (TableSource source : sources) {
            for (DataFormat format : formats) {
                files.deleteTemporaries(format.id() + "/" + source.schema().name(), token);
            }
        }

        Map<Integer, Map<Integer, ShardTasks.Written>> byTable = new HashMap<>();
        for (ShardTasks.Written shard : written) {
            byTable.computeIfAbsent(shard.table(), key -> new HashMap<>()).put(shard.index(), shard);
        }
        List<TableFiles> tableFiles = new ArrayList<>();
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        long rows = 0;
        int count = 0;
        for (int t = 0; t < sources.size(); t++) {
            TableSchema schema = sources.get(t).schema();
            schemas.put(schema.name(), schema);
            for (int f = 0; f < formats.size(); f++) {
                List<ShardFile> shardFiles = new ArrayList<>();
                for (ShardSpec shard : plans.get(t)) {
                    ShardTasks.Written result = byTable.getOrDefault(t, Map.of()).get(shard.index());
                    if (result == null) {
                        throw new IOException("no task result for " + schema.name() + " shard " + shard.index());
                    }
                    shardFiles.add(result.files().get(f).shardFile());
                }
                TableFiles table = new TableFiles(schema.name(), formats.get(f), shardFiles);
                tableFiles.add(table);
                rows += f == 0 ? table.rows() : 0;
                count += shardFiles.size();
            }
        }
        byte[] manifest = new Manifest(GenerateDataset.datasetName(request.settings()), GenerateDataset.provenance(request.settings(), request.options()), tableFiles)
                .toJson(schemas::get);
        files.writeAtomically(Manifest.FILE_NAME, manifest, token);
        files.writeAtomically(Manifest.CHECKSUMS_FILE_NAME, Checksums.sumsFile(tableFiles, Checksums.hex(Checksums.sha256().digest(manifest))), token);
        return new Result(root, rows, count, System.nanoTime() - started);
    }

    /** The shards of every table; the tables whose row counts vary are counted block by block in Spark tasks. */
    private static List<List<ShardSpec>> plan(JavaSparkContext context, List<String> args, List<TableSource> sources, long shardRows)
    {
        long[][] blockRows = new long[sources.size()][];
        long totalBlocks = 0;
        for (int t = 0; t < sources.size(); t++) {
            blockRows[t] = new long[ShardPlanner.blockCount(sources.get(t))];
            totalBlocks += blockRows[t].length;
        }
        // a few tasks per core, each counting a run of blocks of one table: less scheduling than a task per block
        long perTask = Math.max(1, (totalBlocks + 4L * context.defaultParallelism() - 1) / (4L * context.defaultParallelism()));
        List<ShardTasks.CountTask> counts = new ArrayList<>();
        for (int t = 0; t < sources.size(); t++) {
            for (int block = 0; block < blockRows[t].length; block += (int) perTask) {
                counts.add(new ShardTasks.CountTask(t, block, (int) Math.min(blockRows[t].length, block + perTask)));
            }
        }
        if (!counts.isEmpty()) {
            context.setJobGroup("simdata-count", "simdata: count " + counts.size() + " blocks", true);
            try {
                for (ShardTasks.Counted counted : context.parallelize(counts, counts.size()).map(new ShardTasks.CountBlocks(args)).collect()) {
                    System.arraycopy(counted.rows(), 0, blockRows[counted.table()], counted.fromBlock(), counted.rows().length);
                }
            }
            finally {
                context.clearJobGroup();
            }
        }
        List<List<ShardSpec>> plans = new ArrayList<>();
        for (int t = 0; t < sources.size(); t++) {
            plans.add(ShardPlanner.plan(sources.get(t), shardRows, blockRows[t]));
        }
        return plans;
    }

    /** {@code --out} must be new or an empty folder: the job never deletes what it did not write. */
    private static void prepare(HadoopFiles files, List<TableSource> sources, List<DataFormat> formats)
            throws IOException
    {
        FileSystem fs = files.fileSystem();
        Path root = new Path(files.root());
        if (fs.exists(root)) {
            FileStatus status = fs.getFileStatus(root);
            if (!status.isDirectory()) {
                throw new UserException("--out " + files.root() + " is a file, not a folder; choose another path");
            }
            if (fs.listStatus(root).length > 0) {
                throw new UserException("--out " + files.root() + " is not empty; the Spark job writes a dataset into a new or empty folder");
            }
        }
        for (TableSource source : sources) {
            for (DataFormat format : formats) {
                fs.mkdirs(files.path(format.id() + "/" + source.schema().name()));
            }
        }
    }

    /**
     * Waits until no attempt of the write job still runs (a speculative copy being killed), so that none can leave a
     * temporary file after the sweep; gives up after a minute.
     */
    private static void awaitStragglers(JavaSparkContext context, String group)
    {
        long deadline = System.currentTimeMillis() + ZOMBIE_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            int active = 0;
            for (int jobId : context.statusTracker().getJobIdsForGroup(group)) {
                SparkJobInfo info = context.statusTracker().getJobInfo(jobId);
                if (info == null) {
                    continue;
                }
                for (int stageId : info.stageIds()) {
                    SparkStageInfo stage = context.statusTracker().getStageInfo(stageId);
                    active += stage == null ? 0 : stage.numActiveTasks();
                }
            }
            if (active == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
