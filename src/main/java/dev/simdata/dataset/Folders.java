package dev.simdata.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder housekeeping for datasets, staging folders and calibration samples. */
public final class Folders
{
    private Folders() {}

    /** Deletes a file or a folder with everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path root)
            throws IOException
    {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                }
                catch (NoSuchFileException ignored) {
                    // already gone
                }
            }
        }
    }

    /**
     * Forces a file's or a folder's content (for a folder: its entries, so that renames into it survive a power
     * cut) to the storage device.
     */
    public static void fsync(Path path)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
