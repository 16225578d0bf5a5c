package dev.simdata.dataset;

import org.apache.parquet.io.PositionOutputStream;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A Parquet file's output that computes the SHA-256 of what is written, so the finished file never has to be read
 * back. {@link ParquetFileLayout} writes sequentially, so the digest is the file's. The file is a local path or any
 * stream opened once (a Hadoop FileSystem's, for the Spark job).
 */
final class DigestingOutputFile
{
    /** Opens the file's stream, once. */
    interface Opener
    {
        OutputStream open()
                throws IOException;
    }

    private final Opener opener;
    private final MessageDigest digest = Checksums.sha256();
    private long bytes;
    private OutputStream opened;

    DigestingOutputFile(Path path)
    {
        this(() -> Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    DigestingOutputFile(Opener opener)
    {
        this.opener = opener;
    }

    /** The hex SHA-256 of everything written; call once, after the writer is closed. */
    String sha256()
    {
        return Checksums.hex(digest.digest());
    }

    long bytes()
    {
        return bytes;
    }

    /** Opens the file's stream (once): its position is the bytes written so far. */
    PositionOutputStream open()
            throws IOException
    {
        OutputStream raw = opener.open();
        // digested below the buffer: SHA-256 sees 64 KiB at a time, never a page header's few bytes
        OutputStream file = new BufferedOutputStream(new FilterOutputStream(raw)
        {
            @Override
            public void write(byte[] buffer, int offset, int length)
                    throws IOException
            {
                digest.update(buffer, offset, length);
                raw.write(buffer, offset, length);
            }

            @Override
            public void write(int value)
                    throws IOException
            {
                write(new byte[] {(byte) value}, 0, 1);
            }
        }, 1 << 16);
        opened = file;
        return new PositionOutputStream()
        {
            @Override
            public long getPos()
            {
                return bytes;
            }

            @Override
            public void write(int value)
                    throws IOException
            {
                file.write(value);
                bytes++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length)
                    throws IOException
            {
                file.write(buffer, offset, length);
                bytes += length;
            }

            @Override
            public void flush()
                    throws IOException
            {
                file.flush();
            }

            @Override
            public void close()
                    throws IOException
            {
                file.close();
            }
        };
    }

    /**
     * Closes the file's stream if the writer did not: {@link ParquetFileLayout} leaves it open when writing the last
     * row group or the footer fails (a full disk), and an open file keeps its space and its file system busy.
     */
    void release()
    {
        if (opened != null) {
            try {
                opened.close();
            }
            catch (IOException ignored) {
                // the writer's own failure is the one reported
            }
        }
    }
}
