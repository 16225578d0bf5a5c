package dev.simdata.dataset;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset can hold; each table is written in every chosen format. */
public enum DataFormat
{
    CSV("csv", ".csv", "text/csv"),
    PARQUET("parquet", ".parquet", "application/vnd.apache.parquet");

    private final String id;
    private final String extension;
    private final String mediaType;

    DataFormat(String id, String extension, String mediaType)
    {
        this.id = id;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The name used in options, folder names and the manifest. */
    public String id()
    {
        return id;
    }

    public String extension()
    {
        return extension;
    }

    public String mediaType()
    {
        return mediaType;
    }

    public static Optional<DataFormat> parse(String text)
    {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DataFormat format : values()) {
            if (format.id.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The dataset-relative path of a shard, e.g. {@code csv/events/part-00003.csv}. */
    public String shardPath(String table, int shard)
    {
        return id + "/" + table + "/" + shardFileName(shard);
    }

    public String shardFileName(int shard)
    {
        StringBuilder name = new StringBuilder("part-");
        String digits = Integer.toString(shard);
        name.append("0".repeat(Math.max(0, 5 - digits.length()))).append(digits).append(extension);
        return name.toString();
    }
}
