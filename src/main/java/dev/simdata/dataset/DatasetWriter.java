package dev.simdata.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Writes a dataset from table sources into an empty folder (the staging folder of {@link DatasetReplacer}): plans
 * shards, produces each shard once on a worker thread into every chosen format, and commits with the protocol: every
 * file is written under a temporary name, fsynced and renamed into place, and its folder fsynced;
 * {@code datapackage.json} and then {@code SHA256SUMS} come last, once every data file is durable. A run killed at
 * any point leaves no manifest, so nothing that looks like a complete dataset. Knows nothing of the domain.
 */
public final class DatasetWriter
{
    static final String TEMPORARY_PREFIX = ".tmp-";

    private final DatasetOptions options;
    private final GenerationProgress progress;
    private final Part part;
    /** Every direct file this run opened: each is awaited before its commit, and all of them before the run ends. */
    private final Queue<DirectFileOutput> opened = new ConcurrentLinkedQueue<>();

    public DatasetWriter(DatasetOptions options, GenerationProgress progress)
    {
        this(options, progress, Part.WHOLE);
    }

    /** A writer of one part: only that part's shards, and {@code part.json} instead of the manifest. */
    public DatasetWriter(DatasetOptions options, GenerationProgress progress, Part part)
    {
        this.options = requireNonNull(options, "options is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.part = requireNonNull(part, "part is null");
    }

    /**
     * @param name the Data Package name
     * @param simdata the provenance section of the manifest (generator, scenario, seed, options)
     * @throws DatasetException for an output folder the user must fix
     */
    public DatasetSummary write(String name, List<TableSource> sources, JsonNode simdata)
            throws IOException, InterruptedException
    {
        long started = System.nanoTime();
        Path out = options.out();
        prepare(out);
        List<DataFormat> formats = options.orderedFormats();
        ExecutorService executor = Executors.newFixedThreadPool(options.threads(), runnable -> daemon(runnable, "simdata-worker"));
        // fsync waits for the disk, not a core: a worker hands its finished files over and starts its next shard
        ExecutorService committer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "simdata-commit"));
        try {
            // Plan every table first, then run shards largest first, so that both the small tables and the
            // value pools they need are done while the big shards keep every core busy. The order of work never
            // changes what is written.
            Map<String, List<ShardSpec>> plans = new LinkedHashMap<>();
            for (TableSource source : sources) {
                String table = source.schema().name();
                for (DataFormat format : formats) {
                    Files.createDirectories(out.resolve(format.id()).resolve(table));
                }
                plans.put(table, ShardPlanner.plan(source, options.shardRows(), executor));
            }
            int[][] owners = Part.assign(plans, part.n());
            record Task(TableSource source, ShardSpec shard) {}
            List<Task> tasks = new ArrayList<>();
            Map<String, List<ShardSpec>> mine = new LinkedHashMap<>();
            for (int t = 0; t < sources.size(); t++) {
                String table = sources.get(t).schema().name();
                List<ShardSpec> shards = new ArrayList<>();
                for (ShardSpec shard : plans.get(table)) {
                    if (owners[t][shard.index()] == part.k() - 1) {
                        shards.add(shard);
                        tasks.add(new Task(sources.get(t), shard));
                    }
                }
                mine.put(table, shards);
                progress.planned(table, shards.stream().mapToLong(ShardSpec::rows).sum());
            }
            Map<Task, Future<Future<List<ShardFile>>>> futures = new java.util.HashMap<>();
            tasks.stream()
                    .sorted(Comparator.comparingLong((Task task) -> task.shard().rows()).reversed())
                    .forEach(task -> futures.put(task, executor.submit(() -> {
                        Written written = writeShard(task.source(), task.shard(), formats);
                        return committer.submit(() -> commitShard(written));
                    })));
            Map<String, List<Future<Future<List<ShardFile>>>>> pending = new LinkedHashMap<>();
            for (Task task : tasks) {
                pending.computeIfAbsent(task.source().schema().name(), table -> new ArrayList<>()).add(futures.get(task));
            }
            mine.keySet().forEach(table -> pending.computeIfAbsent(table, key -> new ArrayList<>()));
            Map<String, List<List<ShardFile>>> written = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<Future<List<ShardFile>>>>> entry : pending.entrySet()) {
                List<List<ShardFile>> shards = new ArrayList<>();
                for (Future<Future<List<ShardFile>>> future : entry.getValue()) {
                    shards.add(await(await(future)));
                }
                written.put(entry.getKey(), shards);
            }
            // the renames of the data files survive a power cut before the manifest names them
            for (TableSource source : sources) {
                for (DataFormat format : formats) {
                    Folders.fsync(out.resolve(format.id()).resolve(source.schema().name()));
                }
            }
            for (DataFormat format : formats) {
                Folders.fsync(out.resolve(format.id()));
            }
            List<TableFiles> files = new ArrayList<>();
            for (TableSource source : sources) {
                String table = source.schema().name();
                for (int f = 0; f < formats.size(); f++) {
                    List<ShardFile> shardFiles = new ArrayList<>();
                    for (List<ShardFile> shard : written.get(table)) {
                        shardFiles.add(shard.get(f));
                    }
                    files.add(new TableFiles(table, formats.get(f), shardFiles));
                }
            }
            if (!part.whole()) {
                PartManifest manifest = PartManifest.of(part, name, simdata, files, mine, plans);
                writeAtomically(out.resolve(PartManifest.FILE_NAME), manifest.toJson());
                return new DatasetSummary(out, files, System.nanoTime() - started);
            }
            Map<String, TableSchema> schemas = new LinkedHashMap<>();
            sources.forEach(source -> schemas.put(source.schema().name(), source.schema()));
            Manifest manifest = new Manifest(name, simdata, files);
            commitManifest(out, manifest.toJson(schemas::get), files);
            return new DatasetSummary(out, files, System.nanoTime() - started);
        }
        finally {
            executor.shutdownNow();
            committer.shutdownNow();
            // a failed run still closes every file it opened (the workers stop at their next row)
            awaitTermination(executor);
            awaitClosedQuietly(opened);
        }
    }

    private static void awaitTermination(ExecutorService executor)
    {
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitClosedQuietly(Iterable<DirectFileOutput> streams)
    {
        for (DirectFileOutput stream : streams) {
            try {
                stream.awaitClosed();
            }
            catch (IOException e) {
                // the failure that matters is already on its way to the caller
            }
        }
    }

    /** A daemon thread named {@code name}: it never keeps the JVM from exiting. */
    static Thread daemon(Runnable runnable, String name)
    {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A shard's files, and its direct files still being written out after their writers closed them. */
    private record Written(List<ShardFile> files, List<DirectFileOutput> streams) {}

    private Written writeShard(TableSource source, ShardSpec shard, List<DataFormat> formats)
            throws IOException
    {
        Path out = options.out();
        List<DirectFileOutput> streams = new ArrayList<>();
        // if the shard fails, the run's end awaits its streams with all the others
        List<ShardFile> files = ShardWriting.write(source, shard, formats, options.compression(), (format, path) -> {
            OutputStream stream = DirectFileOutput.createDeferred(temporary(out.resolve(path)));
            if (stream instanceof DirectFileOutput direct) {
                streams.add(direct);
                opened.add(direct);
            }
            return stream;
        }, progress);
        return new Written(files, streams);
    }

    /**
     * Waits until the shard's files are completely written (the disk finishes them while the worker goes on with its
     * next shard), makes them durable under their temporary names, then renames them into place.
     */
    private List<ShardFile> commitShard(Written written)
            throws IOException
    {
        for (DirectFileOutput stream : written.streams()) {
            stream.awaitClosed();
        }
        List<ShardFile> files = written.files();
        Path out = options.out();
        for (ShardFile file : files) {
            Path target = out.resolve(file.path());
            Folders.fsync(temporary(target));
            Files.move(temporary(target), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return files;
    }

    private static Path temporary(Path target)
    {
        return target.resolveSibling(TEMPORARY_PREFIX + target.getFileName());
    }

    private static <T> T await(Future<T> future)
            throws IOException, InterruptedException
    {
        try {
            return future.get();
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Writes datapackage.json, then SHA256SUMS over every data file and the manifest, each via rename. */
    static void commitManifest(Path out, byte[] manifest, List<TableFiles> files)
            throws IOException
    {
        Path manifestFile = out.resolve(Manifest.FILE_NAME);
        writeAtomically(manifestFile, manifest);
        writeAtomically(out.resolve(Manifest.CHECKSUMS_FILE_NAME), Checksums.sumsFile(files, Checksums.sha256(manifestFile)));
    }

    static void writeAtomically(Path target, byte[] content)
            throws IOException
    {
        Path temporary = target.resolveSibling(TEMPORARY_PREFIX + target.getFileName());
        Files.write(temporary, content);
        Folders.fsync(temporary);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Folders.fsync(target.getParent());
    }

    /** Makes sure {@code out} is an empty folder; this writer never deletes anything. */
    private static void prepare(Path out)
            throws IOException
    {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DatasetException("--out " + out + " is a file, not a folder; choose another path");
        }
        try {
            Files.createDirectories(out);
        }
        catch (FileAlreadyExistsException e) {
            throw new DatasetException("--out " + out + ": a file stands in the way (" + e.getFile() + ")");
        }
        catch (IOException e) {
            throw new DatasetException("--out " + out + " cannot be created: " + describe(e) + "; choose a writable folder");
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(out)) {
            if (listing.iterator().hasNext()) {
                throw new DatasetException("--out " + out + " is not empty; a dataset is written into an empty folder");
            }
        }
    }

    private static String describe(IOException e)
    {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (message == null ? "" : " " + message);
    }
}
