package dev.simdata.dataset;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A Parquet {@link OutputFile} on a local path that computes the SHA-256 of what is written, so the finished file
 * never has to be read back. Parquet writes sequentially, so the digest is the file's.
 */
final class DigestingOutputFile
        implements OutputFile
{
    private final Path path;
    private final MessageDigest digest = Checksums.sha256();
    private long bytes;

    DigestingOutputFile(Path path)
    {
        this.path = path;
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

    @Override
    public PositionOutputStream create(long blockSizeHint)
            throws IOException
    {
        return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint)
            throws IOException
    {
        return open(StandardOpenOption.TRUNCATE_EXISTING);
    }

    private PositionOutputStream open(StandardOpenOption mode)
            throws IOException
    {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode), 1 << 16);
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
                digest.update((byte) value);
                bytes++;
            }

            @Override
            public void write(byte[] buffer, int offset, int length)
                    throws IOException
            {
                file.write(buffer, offset, length);
                digest.update(buffer, offset, length);
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

    @Override
    public boolean supportsBlockSize()
    {
        return false;
    }

    @Override
    public long defaultBlockSize()
    {
        return 0;
    }

    @Override
    public String getPath()
    {
        return path.toString();
    }
}
