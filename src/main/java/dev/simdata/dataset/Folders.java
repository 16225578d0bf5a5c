package dev.simdata.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
}
