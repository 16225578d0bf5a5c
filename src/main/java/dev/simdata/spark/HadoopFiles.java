package dev.simdata.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The dataset folder on any Hadoop FileSystem ({@code file:}, {@code hdfs:}, {@code s3a:} ...): files are created
 * under a temporary name, synced on close and renamed into place. The local file system is used raw, without the
 * {@code .crc} sidecar files Hadoop's checksummed wrapper would leave beside every file.
 */
final class HadoopFiles
        implements Serializable
{
    private static final long serialVersionUID = 1L;

    private final String root;
    private final HashMap<String, String> configuration;
    private transient FileSystem fileSystem;

    HadoopFiles(String root, Configuration configuration)
    {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.configuration = new HashMap<>();
        for (Map.Entry<String, String> entry : configuration) {
            this.configuration.put(entry.getKey(), entry.getValue());
        }
    }

    String root()
    {
        return root;
    }

    Path path(String relative)
    {
        return new Path(root + "/" + relative);
    }

    synchronized FileSystem fileSystem()
            throws IOException
    {
        if (fileSystem == null) {
            Configuration conf = new Configuration(false);
            configuration.forEach(conf::set);
            URI uri = URI.create(root);
            FileSystem fs;
            if ("file".equals(uri.getScheme())) {
                fs = new NioLocalFileSystem();
                fs.initialize(uri, conf);
            }
            else {
                fs = FileSystem.get(uri, conf);
                if (fs instanceof ChecksumFileSystem checksummed) {
                    fs = checksummed.getRawFileSystem();
                }
            }
            fileSystem = fs;
        }
        return fileSystem;
    }

    /** A new file (never one that exists); closing the stream syncs it to durable storage first. */
    OutputStream create(Path path)
            throws IOException
    {
        FSDataOutputStream stream = fileSystem().create(path, false);
        return new FilterOutputStream(stream)
        {
            @Override
            public void write(byte[] buffer, int offset, int length)
                    throws IOException
            {
                stream.write(buffer, offset, length);
            }

            @Override
            public void close()
                    throws IOException
            {
                try (stream) {
                    stream.hsync();
                }
            }
        };
    }

    /**
     * Renames a finished temporary file into place. When another attempt of the same task got there first (a retry
     * or a speculative copy, which writes the very same bytes), keeps that one and removes this attempt's file.
     */
    void commit(Path temporary, Path target, long bytes)
            throws IOException
    {
        FileSystem fs = fileSystem();
        if (fs.rename(temporary, target)) {
            return;
        }
        if (fs.exists(target) && fs.getFileStatus(target).getLen() == bytes) {
            fs.delete(temporary, false);
            return;
        }
        throw new IOException("cannot rename " + temporary + " to " + target);
    }

    /** Writes a small file (the manifest) under a temporary name and renames it into place. */
    void writeAtomically(String relative, byte[] content, String temporaryPrefix)
            throws IOException
    {
        Path target = path(relative);
        Path temporary = new Path(target.getParent(), temporaryPrefix + target.getName());
        try (OutputStream out = create(temporary)) {
            out.write(content);
        }
        if (!fileSystem().rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
    }

    /** Deletes this job's leftover temporary files (names starting with {@code prefix}) in one folder. */
    int deleteTemporaries(String folder, String prefix)
            throws IOException
    {
        FileSystem fs = fileSystem();
        Path directory = path(folder);
        if (!fs.exists(directory)) {
            return 0;
        }
        int deleted = 0;
        for (FileStatus status : fs.listStatus(directory)) {
            if (status.isFile() && status.getPath().getName().startsWith(prefix)) {
                fs.delete(status.getPath(), false);
                deleted++;
            }
        }
        return deleted;
    }
}
