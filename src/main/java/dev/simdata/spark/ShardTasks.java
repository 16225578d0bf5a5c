package dev.simdata.spark;

import dev.simdata.app.GenerateRequest;
import dev.simdata.cli.JobArguments;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.ShardPlanner;
import dev.simdata.dataset.ShardSpec;
import dev.simdata.dataset.ShardWriting;
import dev.simdata.generate.Generators;
import dev.simdata.schema.TableSource;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Spark tasks run on the executors. A task carries only the job's arguments (the generate flags) and the
 * shard's coordinates: each executor rebuilds the table sources from the flags once, so a row stays a pure function
 * of (seed, table, row index) wherever it is made.
 */
final class ShardTasks
{
    /** The flags' table sources, built once per executor JVM. */
    private static final Map<List<String>, List<TableSource>> SOURCES = new ConcurrentHashMap<>();

    private ShardTasks() {}

    static List<TableSource> sources(List<String> args)
    {
        return SOURCES.computeIfAbsent(List.copyOf(args), key -> Generators.sources(JobArguments.parse(key.toArray(String[]::new)).request().settings()));
    }

    static GenerateRequest request(List<String> args)
    {
        return JobArguments.parse(args.toArray(String[]::new)).request();
    }

    /** Blocks {@code fromBlock} (inclusive) to {@code toBlock} of the counting pass of a table whose row count varies. */
    record CountTask(int table, int fromBlock, int toBlock) implements Serializable {}

    /** The rows of each block counted. */
    record Counted(int table, int fromBlock, long[] rows) implements Serializable {}

    /** One shard of one table, every format. */
    record ShardTask(int table, String name, int index, long firstUnit, int skipRows, long rows) implements Serializable
    {
        ShardSpec spec()
        {
            return new ShardSpec(index, firstUnit, skipRows, rows);
        }
    }

    /** One written file, as the manifest lists it. */
    record WrittenFile(String path, long rows, long bytes, String sha256) implements Serializable
    {
        ShardFile shardFile()
        {
            return new ShardFile(path, rows, bytes, sha256);
        }
    }

    record Written(int table, int index, ArrayList<WrittenFile> files) implements Serializable {}

    static final class CountBlocks
            implements Function<CountTask, Counted>
    {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> args;

        CountBlocks(List<String> args)
        {
            this.args = new ArrayList<>(args);
        }

        @Override
        public Counted call(CountTask task)
        {
            TableSource source = sources(args).get(task.table());
            long[] rows = new long[task.toBlock() - task.fromBlock()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = ShardPlanner.countBlock(source, task.fromBlock() + i);
            }
            return new Counted(task.table(), task.fromBlock(), rows);
        }
    }

    /**
     * Writes one shard with the project's writers through the Hadoop FileSystem API: each file under a name unique to
     * this task attempt, synced, then renamed into place. A failed attempt removes its own temporary files.
     */
    static final class WriteShard
            implements Function<ShardTask, Written>
    {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> args;
        private final HadoopFiles files;
        private final String temporaryPrefix;

        WriteShard(List<String> args, HadoopFiles files, String temporaryPrefix)
        {
            this.args = new ArrayList<>(args);
            this.files = files;
            this.temporaryPrefix = temporaryPrefix;
        }

        @Override
        public Written call(ShardTask task)
                throws IOException
        {
            GenerateRequest request = request(args);
            if (request.options().formats().contains(DataFormat.PARQUET)) {
                ParquetVersion.check();
            }
            TableSource source = sources(args).get(task.table());
            TaskContext context = TaskContext.get();
            String attempt = temporaryPrefix + (context == null ? "driver" : Long.toString(context.taskAttemptId())) + "-";
            boolean inject = FailureHook.applies(task.name(), task.index(), context);
            Map<String, Path> temporaries = new LinkedHashMap<>();
            try {
                List<ShardFile> written = ShardWriting.write(source, task.spec(), request.options().orderedFormats(), request.options().compression(),
                        (DataFormat format, String path) -> {
                            Path target = files.path(path);
                            Path temporary = new Path(target.getParent(), attempt + target.getName());
                            boolean first = temporaries.isEmpty();
                            temporaries.put(path, temporary);
                            OutputStream out = files.create(temporary);
                            return inject && first ? FailureHook.failing(out) : out;
                        }, GenerationProgress.NONE);
                ArrayList<WrittenFile> results = new ArrayList<>();
                for (ShardFile file : written) {
                    files.commit(temporaries.get(file.path()), files.path(file.path()), file.bytes());
                    results.add(new WrittenFile(file.path(), file.rows(), file.bytes(), file.sha256()));
                }
                return new Written(task.table(), task.index(), results);
            }
            catch (IOException | RuntimeException | Error e) {
                for (Path temporary : temporaries.values()) {
                    try {
                        files.fileSystem().delete(temporary, false);
                    }
                    catch (IOException | RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
    }
}
