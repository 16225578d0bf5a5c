package dev.simdata.it;

import dev.simdata.cli.Cli;
import dev.simdata.dataset.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Issue 17 cases 1 and 6: --force never deletes a user's file, and a full disk leaves the old dataset whole. */
class ReplaceSafetyIT
{
    private static int generate(StringWriter err, String... args)
    {
        return Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void forceRefusesAUserFileUnderCsvAndKeepsIt(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("x");
        Files.createDirectories(out.resolve("csv/sales"));
        Files.writeString(out.resolve("csv/sales/2024.csv"), "id\n");
        StringWriter err = new StringWriter();
        assertThat(generate(err, "generate", "--out", out.toString(), "--force", "--quiet")).isEqualTo(2);
        assertThat(err.toString()).contains("csv/sales/2024.csv").contains("not part of a simdata dataset");
        assertThat(out.resolve("csv/sales/2024.csv")).hasContent("id");

        Path dataset = temporary.resolve("d");
        assertThat(generate(new StringWriter(), "generate", "--out", dataset.toString(), "--quiet")).isZero();
        Files.writeString(dataset.resolve("csv/contacts/backup.csv"), "mine\n");
        StringWriter again = new StringWriter();
        assertThat(generate(again, "generate", "--out", dataset.toString(), "--seed", "9", "--force", "--quiet")).isEqualTo(2);
        assertThat(again.toString()).contains("csv/contacts/backup.csv");
        assertThat(dataset.resolve("csv/contacts/backup.csv")).hasContent("mine");
        assertThat(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME)).exists();
    }

    /** On tmpfs files are written through the page cache; on ext4 with O_DIRECT, and the disk fills up in a write of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"tmpfs", "ext4"})
    void aFullDiskLeavesTheOldDatasetAndNoTemporaryFiles(String fileSystem, @TempDir Path temporary)
            throws Exception
    {
        Path mount = temporary.resolve("small");
        Files.createDirectories(mount);
        // room for the parquet-only demo (about 0.6 MB) but not for it and a second demo in both formats (about 1.4 MB)
        List<String> command = List.of("mount", "-t", "tmpfs", "-o", "size=1600k", "tmpfs", mount.toString());
        if (fileSystem.equals("ext4")) {
            Path image = temporary.resolve("small.img");
            try (var file = new java.io.RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(1700 << 10);
            }
            Process formatting = new ProcessBuilder("mkfs.ext4", "-q", "-F", "-b", "4096", "-O", "^has_journal", "-m", "0", "-N", "64", image.toString())
                    .redirectErrorStream(true).start();
            assumeThat(formatting.waitFor(20, TimeUnit.SECONDS) && formatting.exitValue() == 0).as("mkfs.ext4 is here").isTrue();
            command = List.of("mount", "-o", "loop", image.toString(), mount.toString());
        }
        Process mounting = new ProcessBuilder(command).redirectErrorStream(true).start();
        assumeThat(mounting.waitFor(20, TimeUnit.SECONDS) && mounting.exitValue() == 0).as("a %s can be mounted here (root)", fileSystem).isTrue();
        assertThat(Files.getFileStore(mount).type()).isEqualTo(fileSystem);
        try {
            Path out = mount.resolve("demo");
            assertThat(generate(new StringWriter(), "generate", "--out", out.toString(), "--format", "parquet", "--quiet")).isZero();
            String sums = Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME));

            // the space check refuses before anything is written
            StringWriter refused = new StringWriter();
            assertThat(generate(refused, "generate", "--out", out.toString(), "--force", "--seed", "3", "--quiet")).isEqualTo(2);
            assertThat(refused.toString()).contains("--no-space-check").contains("free");

            // without it the disk fills up half-way: the run fails, its staging folder goes, the old dataset stays
            StringWriter full = new StringWriter();
            assertThat(generate(full, "generate", "--out", out.toString(), "--force", "--seed", "3", "--no-space-check", "--quiet")).isEqualTo(3);
            assertThat(full.toString()).contains("No space left on device");
            assertThat(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(sums);
            Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", Manifest.CHECKSUMS_FILE_NAME).directory(out.toFile()).start();
            assertThat(check.waitFor()).isZero();
            try (var listing = Files.list(mount)) {
                // ext4's own lost+found aside
                assertThat(listing.map(path -> path.getFileName().toString()).filter(name -> !name.equals("lost+found")).toList()).isEqualTo(List.of("demo"));
            }
        }
        finally {
            List<String> open;
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                open = fds.map(ReplaceSafetyIT::target).filter(target -> target.startsWith(mount.toString())).toList();
            }
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
            // a run that failed must close what it opened: an open file holds its space and keeps the disk busy
            assertThat(open).as("files left open on the full disk").isEmpty();
        }
    }

    private static String target(Path fd)
    {
        try {
            return Files.readSymbolicLink(fd).toString();
        }
        catch (IOException e) {
            return "";
        }
    }
}
