package dev.simdata.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Confines paths named by a manifest to the dataset folder: a dataset may come from anyone.
 */
public final class DatasetPaths
{
    private DatasetPaths() {}

    /** Rejects absolute paths, backslashes, empty segments and {@code .}/{@code ..} segments. */
    static void checkRelative(String path, Path manifest)
    {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":") || path.indexOf('\0') >= 0) {
            throw new DatasetException(manifest + ": path '" + path + "' is not a relative path inside the dataset");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new DatasetException(manifest + ": path '" + path + "' leaves the dataset folder or is malformed");
            }
        }
    }

    /**
     * Resolves a manifest path under {@code dataset}, following symbolic links, and refuses it unless the real file
     * lies inside the dataset's real folder.
     */
    public static Path resolve(Path dataset, String path)
    {
        checkRelative(path, dataset.resolve(Manifest.FILE_NAME));
        Path candidate = dataset.resolve(path);
        try {
            Path root = dataset.toRealPath();
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                throw new DatasetException(candidate + " points outside the dataset folder " + root);
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new DatasetException(candidate + " is not a regular file");
            }
            return real;
        }
        catch (java.nio.file.NoSuchFileException e) {
            throw new DatasetException(candidate + " is listed in the manifest but missing");
        }
        catch (IOException e) {
            throw new DatasetException("cannot open " + candidate + ": " + e.getMessage(), e);
        }
    }
}
