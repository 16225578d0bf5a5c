package dev.simdata.dataset;

import java.nio.file.Path;
import java.util.List;

/** What a finished write produced, for the final summary. */
public record DatasetSummary(Path out, List<TableFiles> files, long elapsedNanos)
{
    public DatasetSummary
    {
        files = List.copyOf(files);
    }

    public long rows(DataFormat format)
    {
        return files.stream().filter(entry -> entry.format() == format).mapToLong(TableFiles::rows).sum();
    }

    public long bytes()
    {
        return files.stream().mapToLong(TableFiles::bytes).sum();
    }
}
