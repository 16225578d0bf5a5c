package dev.simdata.spark;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hadoop's local file system without its checksum files, and with permissions set through java.nio: without
 * Hadoop's native library, {@link RawLocalFileSystem} forks a {@code chmod} process for every file and folder it
 * creates (measured: 135 forks of the whole JVM for one analytics dataset).
 */
final class NioLocalFileSystem
        extends RawLocalFileSystem
{
    @Override
    public void setPermission(Path path, FsPermission permission)
            throws IOException
    {
        String text = permission.toString();
        if (text.length() != 9 || permission.getStickyBit()) {
            super.setPermission(path, permission);
            return;
        }
        try {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(text));
        }
        catch (UnsupportedOperationException | IllegalArgumentException e) {
            super.setPermission(path, permission);
        }
    }
}
