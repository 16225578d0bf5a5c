package dev.simdata.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lock on a dataset folder: a file {@code .NAME.simdata-lock} beside it (the folder itself is swapped), created
 * atomically with its content (a hard link to a finished temporary file), holding the writer's process id and start
 * time, and removed on close. A lock whose process is gone (killed) is stale: it is reported and taken over.
 */
public final class OutputLock
        implements AutoCloseable
{
    private final Path file;

    private OutputLock(Path file)
    {
        this.file = file;
    }

    public static Path lockFile(Path out)
    {
        return out.resolveSibling("." + out.getFileName() + ".simdata-lock");
    }

    /**
     * @throws DatasetException naming the process that holds the lock
     */
    static OutputLock acquire(Path out, Consumer<String> notes)
            throws IOException
    {
        Path file = lockFile(out);
        try {
            Files.createDirectories(out.getParent());
        }
        catch (IOException e) {
            throw new DatasetException("--out " + out + " cannot be created (" + (e instanceof java.nio.file.FileAlreadyExistsException ? "a file stands in the way: " : "") + e.getMessage() + "); choose a writable folder");
        }
        ProcessHandle self = ProcessHandle.current();
        String content = "pid=" + self.pid() + "\nstarted=" + self.info().startInstant().map(Instant::toString).orElse("unknown") + "\n";
        Path temporary = file.resolveSibling(file.getFileName() + "." + self.pid() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new DatasetException("--out " + out + ": cannot write its lock file in " + out.getParent() + " (" + e.getMessage() + "); choose a writable folder");
        }
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    Files.createLink(file, temporary);
                    return new OutputLock(file);
                }
                catch (FileAlreadyExistsException e) {
                    Optional<String> holder = holder(file);
                    if (holder.isPresent() || attempt > 0) {
                        throw new DatasetException("--out " + out + " is being written by another simdata run (" + holder.orElse("lock " + file)
                                + "); wait for it to finish, or choose another folder");
                    }
                    notes.accept("removed the stale lock " + file + " of a run that no longer exists (" + Files.readString(file).strip().replace('\n', ' ') + ")");
                    Files.deleteIfExists(file);
                }
                catch (UnsupportedOperationException e) {
                    // a file system without hard links: create-new is atomic too, the content follows at once
                    Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    return new OutputLock(file);
                }
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** "process 123, started 2026-…" while that process runs; empty for a stale lock. */
    private static Optional<String> holder(Path file)
            throws IOException
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        long pid = -1;
        String started = "unknown";
        for (String line : text.split("\n")) {
            if (line.startsWith("pid=")) {
                try {
                    pid = Long.parseLong(line.substring(4).strip());
                }
                catch (NumberFormatException e) {
                    pid = -1;
                }
            }
            else if (line.startsWith("started=")) {
                started = line.substring(8).strip();
            }
        }
        if (pid < 0) {
            // unreadable: treat as held, never delete a lock we cannot explain
            return Optional.of("lock " + file + " with unreadable content");
        }
        String since = started;
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        // a process id the system has since given to another program is no holder
        boolean same = process.isPresent() && (since.equals("unknown") || process.get().info().startInstant().map(Instant::toString).map(since::equals).orElse(true));
        return same ? Optional.of("process " + pid + ", started " + since + ", lock " + file) : Optional.empty();
    }

    @Override
    public void close()
            throws IOException
    {
        Files.deleteIfExists(file);
    }
}
