package dev.simdata.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The one protocol by which a dataset folder is written, whoever writes it ({@code generate}, {@code --force}, the
 * guided session, a reproduce-and-compare run, {@code merge}):
 * <ol>
 *   <li>take the lock beside the folder ({@link OutputLock}), so a second writer is refused at once;</li>
 *   <li>refuse a folder that holds anything but a simdata dataset (files its {@code SHA256SUMS} lists, or temporary
 *       files of an interrupted run), naming the first such files, and refuse a non-empty one without
 *       {@code force};</li>
 *   <li>clear what an earlier killed run left beside the folder, check the free space against the estimate;</li>
 *   <li>let the writer write a complete dataset into a new staging folder beside the target (same file system);</li>
 *   <li>swap: the old folder is renamed aside, the staging folder renamed into its place, the parent folder fsynced,
 *       and only then the old dataset deleted.</li>
 * </ol>
 * Any failure the process survives deletes the staging folder and leaves the old dataset as it was; a run killed
 * half-way leaves the old dataset whole, and its leftovers are cleared by the next run.
 */
public final class DatasetReplacer
{
    private static final int DELETE_ATTEMPTS = 40;
    private static final String STAGING = ".simdata-staging-";
    private static final String PREVIOUS = ".simdata-previous-";

    private DatasetReplacer() {}

    /** Writes a complete dataset (manifest last, every file fsynced) into {@code staging}, an empty folder. */
    @FunctionalInterface
    public interface StagingWriter<T>
    {
        T write(Path staging)
                throws IOException, InterruptedException;
    }

    /**
     * Where to write and how carefully.
     *
     * @param folder the dataset folder to create or replace
     * @param force replace a dataset the folder already holds (without it, the folder must be empty)
     * @param neededBytes the space the new dataset needs, from the plan's estimate; 0 skips the free-space check
     * @param notes receives one-line notes for the user (a stale lock removed, an interrupted run's folder restored)
     */
    public record Target(Path folder, boolean force, long neededBytes, Consumer<String> notes)
    {
        public Target
        {
            requireNonNull(folder, "folder is null");
            requireNonNull(notes, "notes is null");
        }
    }

    /**
     * Creates or replaces {@code target.folder()} with what {@code writer} writes; see the class comment.
     *
     * @throws DatasetException for a folder the user must fix: locked, holding other files, not empty without force,
     *         not enough space
     */
    public static <T> T replace(Target target, StagingWriter<T> writer)
            throws IOException, InterruptedException
    {
        Path out = absolute(target.folder());
        try (OutputLock ignored = OutputLock.acquire(out, target.notes())) {
            checkReplaceable(out, target.force());
            clearLeftovers(out, target.notes());
            checkSpace(out, target.neededBytes());
            Path staging = createStaging(out);
            try {
                T result = writer.write(staging);
                // a user may have put a file into the folder while the new dataset was written
                checkReplaceable(out, target.force());
                swap(staging, out);
                return result;
            }
            finally {
                deleteStaging(staging);
            }
        }
    }

    /**
     * Writes a dataset into a staging folder beside {@code target.folder()} under its lock, hands both folders to
     * {@code compare}, and deletes the staging folder: the target is never changed.
     */
    public static <T> T stageBeside(Target target, StagingWriter<T> compare)
            throws IOException, InterruptedException
    {
        Path out = absolute(target.folder());
        try (OutputLock ignored = OutputLock.acquire(out, target.notes())) {
            clearLeftovers(out, target.notes());
            checkSpace(out, target.neededBytes());
            Path staging = createStaging(out);
            try {
                return compare.write(staging);
            }
            finally {
                deleteStaging(staging);
            }
        }
    }

    /** The bytes free for a dataset at {@code folder} (on the file system of its nearest existing ancestor). */
    public static long usableSpace(Path folder)
            throws IOException
    {
        Path existing = absolute(folder);
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    }

    static Path absolute(Path folder)
            throws IOException
    {
        Path out = folder.toAbsolutePath().normalize();
        // a symbolic link to a folder: replace the folder it names, not the link
        return Files.isSymbolicLink(out) && Files.isDirectory(out) ? out.toRealPath() : out;
    }

    private static void checkReplaceable(Path out, boolean force)
            throws IOException
    {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DatasetException("--out " + out + " is a file, not a folder; choose another path");
        }
        DatasetFolder folder = DatasetFolder.inspect(out);
        if (!folder.otherFiles().isEmpty()) {
            throw new DatasetException("--out " + out + " holds files that are not part of a simdata dataset (" + String.join(", ", folder.otherFiles())
                    + "); simdata only replaces a dataset its SHA256SUMS lists, so choose another folder or move them away");
        }
        if (folder.dataset().isPresent() && !force) {
            throw new DatasetException("--out " + out + " is not empty; pass --force to replace the dataset in it, or choose an empty folder");
        }
    }

    private static void checkSpace(Path out, long neededBytes)
            throws IOException
    {
        if (neededBytes <= 0) {
            return;
        }
        long usable = usableSpace(out);
        if (usable < neededBytes) {
            throw new DatasetException("--out " + out + ": the file system has " + mebibytes(usable) + " free, the new dataset needs about "
                    + mebibytes(neededBytes) + " (the plan's estimate) beside the old one; free some space, choose another folder, or pass --no-space-check");
        }
    }

    private static String mebibytes(long bytes)
    {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Under the lock, folders beside {@code out} named after it are an earlier run's, killed before it could clean up:
     * staging folders are deleted; a previous dataset renamed aside is put back when the folder itself is missing (a
     * run killed between the two renames of its swap), else deleted.
     */
    private static void clearLeftovers(Path out, Consumer<String> notes)
            throws IOException
    {
        Path parent = out.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String name = out.getFileName().toString();
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(parent, "." + name + "{" + STAGING + "," + PREVIOUS + "}*")) {
            listing.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            if (leftover.getFileName().toString().startsWith("." + name + PREVIOUS) && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(leftover, out, StandardCopyOption.ATOMIC_MOVE);
                Folders.fsync(parent);
                notes.accept("restored " + out + " from " + leftover.getFileName() + ", left by a run that was killed while swapping it");
            }
            else {
                deleteStaging(leftover);
            }
        }
    }

    private static Path createStaging(Path out)
            throws IOException
    {
        try {
            Files.createDirectories(out.getParent());
        }
        catch (IOException e) {
            throw new DatasetException("--out " + out + " cannot be created (" + (e instanceof java.nio.file.FileAlreadyExistsException ? "a file stands in the way: " : "") + e.getMessage() + "); choose a writable folder");
        }
        for (int attempt = 0; ; attempt++) {
            Path staging = out.resolveSibling("." + out.getFileName() + STAGING + ProcessHandle.current().pid() + "-" + attempt);
            try {
                return Files.createDirectory(staging);
            }
            catch (FileAlreadyExistsException e) {
                // left by an earlier run of this process id: take the next name
            }
            catch (java.nio.file.AccessDeniedException e) {
                throw new DatasetException("--out " + out + ": cannot create a folder beside it in " + out.getParent() + " (permission denied); choose a writable folder");
            }
        }
    }

    /** Moves the complete staging folder into place; the old dataset is deleted only once the new one is there. */
    private static void swap(Path staging, Path out)
            throws IOException
    {
        Path parent = out.getParent();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            Path previous = out.resolveSibling("." + out.getFileName() + PREVIOUS + ProcessHandle.current().pid());
            Folders.deleteTree(previous);
            Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            Folders.fsync(parent);
            deleteStaging(previous);
        }
        else {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            Folders.fsync(parent);
        }
    }

    /**
     * Deletes a staging folder. After an interruption the writer's worker threads may still be finishing a file for
     * a moment, so a folder that refills is deleted again.
     */
    private static void deleteStaging(Path staging)
            throws IOException
    {
        for (int attempt = 1; ; attempt++) {
            try {
                Folders.deleteTree(staging);
                return;
            }
            catch (IOException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }
}
