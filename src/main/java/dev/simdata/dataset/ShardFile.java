package dev.simdata.dataset;

import static java.util.Objects.requireNonNull;

/**
 * One data file of a dataset as the manifest lists it.
 *
 * @param path relative to the dataset folder, with {@code /} separators
 */
public record ShardFile(String path, long rows, long bytes, String sha256)
{
    public ShardFile
    {
        requireNonNull(path, "path is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
