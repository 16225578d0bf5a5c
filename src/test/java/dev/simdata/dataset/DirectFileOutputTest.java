package dev.simdata.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files written through {@link DirectFileOutput} hold exactly the bytes written, whatever their length against the
 * block and buffer sizes: directly on this machine's disk (ext4, as on CI), buffered on tmpfs.
 */
class DirectFileOutputTest
{
    private static final int BUFFER = DirectFileOutput.BUFFER_BYTES;
    private static final int[] LENGTHS = {0, 1, 511, 4_095, 4_096, 4_097, BUFFER - 1, BUFFER, BUFFER + 1, 2 * BUFFER, 3 * BUFFER + 12_345};

    @TempDir
    Path folder;

    @Test
    void writesDirectlyOnTheLocalDisk()
            throws IOException
    {
        String type = Files.getFileStore(folder).type();
        assertThat(DirectFileOutput.direct(folder)).as("O_DIRECT on %s", type).isEqualTo(type.equals("ext4") || type.equals("xfs"));
        assertThat(type).as("the test's folder is on the disk, so the direct path is what is tested").isIn("ext4", "xfs");
        try (OutputStream out = DirectFileOutput.create(folder.resolve("kind"))) {
            assertThat(out).isInstanceOf(DirectFileOutput.class);
        }
        roundTrips(folder);
    }

    @Test
    void writesBufferedOnTmpfs()
            throws IOException
    {
        Path shm = Path.of("/dev/shm");
        assertThat(Files.getFileStore(shm).type()).isEqualTo("tmpfs");
        Path tmpfs = Files.createTempDirectory(shm, "simdata-direct-");
        try {
            assertThat(DirectFileOutput.direct(tmpfs)).isFalse();
            try (OutputStream out = DirectFileOutput.create(tmpfs.resolve("kind"))) {
                assertThat(out).isNotInstanceOf(DirectFileOutput.class);
            }
            roundTrips(tmpfs);
        }
        finally {
            try (var files = Files.list(tmpfs)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(tmpfs);
        }
    }

    @Test
    void replacesALongerFileAndRefusesWritesAfterClose()
            throws IOException
    {
        Path file = folder.resolve("again");
        Files.write(file, new byte[3 * BUFFER]);
        OutputStream out = DirectFileOutput.create(file);
        out.write(new byte[] {1, 2, 3});
        out.close();
        out.close();
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> out.write(4)).isInstanceOf(IOException.class);
    }

    /**
     * Deferred files, written side by side with more buffers in all than may be in flight at once, are complete and
     * closed once awaited, though their writers closed them while the disk was still behind.
     */
    @Test
    void deferredFilesAreCompleteOnceAwaited()
            throws IOException
    {
        int files = 6;
        int length = 3 * BUFFER + 12_345;
        assertThat(files * (length / BUFFER + 1)).as("more buffers than may be in flight").isGreaterThan(DirectFileOutput.IN_FLIGHT);
        SplittableRandom random = new SplittableRandom(13);
        byte[][] contents = new byte[files][length];
        DirectFileOutput[] outs = new DirectFileOutput[files];
        for (int f = 0; f < files; f++) {
            random.nextBytes(contents[f]);
            outs[f] = (DirectFileOutput) DirectFileOutput.createDeferred(folder.resolve("deferred-" + f));
        }
        for (int at = 0; at < length; ) {
            int piece = Math.min(length - at, 1 + random.nextInt(200_000));
            for (int f = 0; f < files; f++) {
                outs[f].write(contents[f], at, piece);
            }
            at += piece;
        }
        for (DirectFileOutput out : outs) {
            out.close();
        }
        assertThatThrownBy(() -> outs[0].write(1)).isInstanceOf(IOException.class);
        for (int f = 0; f < files; f++) {
            outs[f].awaitClosed();
            outs[f].awaitClosed();
            assertThat(Files.readAllBytes(folder.resolve("deferred-" + f))).as("deferred file %d", f).isEqualTo(contents[f]);
        }
    }

    /**
     * A write that fails on the io thread is reported: by the next write, by {@code close} of a stream that is not
     * deferred, and by {@code awaitClosed} of one that is (whose {@code close} has already returned).
     */
    private static final String FULL = "No space left on device";

    /** Linux's /dev/full: every write fails as on a full disk. */
    private static FileChannel full()
            throws IOException
    {
        return FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE);
    }

    @Test
    void aFailedWriteIsReportedWhereTheCallerWaits()
            throws IOException
    {
        DirectFileOutput deferred = DirectFileOutput.over(full(), 4_096, true);
        deferred.write(new byte[100]);
        deferred.close();
        assertThatThrownBy(deferred::awaitClosed).hasMessageContaining(FULL);
        assertThatThrownBy(deferred::awaitClosed).as("again").hasMessageContaining(FULL);

        DirectFileOutput plain = DirectFileOutput.over(full(), 4_096, false);
        plain.write(new byte[100]);
        assertThatThrownBy(plain::close).hasMessageContaining(FULL);

        FileChannel disk = full();
        DirectFileOutput running = DirectFileOutput.over(disk, 4_096, true);
        byte[] buffer = new byte[BUFFER];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                running.write(buffer);
                Thread.sleep(1);
            }
        }).as("a later write").hasMessageContaining(FULL);
        running.close();
        assertThatThrownBy(running::awaitClosed).hasMessageContaining(FULL);
        assertThat(disk.isOpen()).as("closed after all").isFalse();
    }

    /** Every length, written in pieces of random sizes and single bytes, reads back as written. */
    private static void roundTrips(Path in)
            throws IOException
    {
        SplittableRandom random = new SplittableRandom(11);
        for (int length : LENGTHS) {
            byte[] content = new byte[length];
            random.nextBytes(content);
            Path file = in.resolve("file-" + length);
            try (OutputStream out = DirectFileOutput.create(file)) {
                int at = 0;
                while (at < length) {
                    if (random.nextInt(8) == 0) {
                        out.write(content[at++]);
                        continue;
                    }
                    int piece = Math.min(length - at, 1 + random.nextInt(random.nextBoolean() ? 100 : 300_000));
                    out.write(content, at, piece);
                    at += piece;
                }
            }
            assertThat(Files.size(file)).as("length %d", length).isEqualTo(length);
            assertThat(Files.readAllBytes(file)).as("content of length %d", length).isEqualTo(content);
        }
    }
}
