package dev.simdata.it;

import dev.simdata.dataset.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 case 9: what a power cut can leave. The real CLI runs under strace, which records every fsync and rename
 * the JVM makes; the test then checks the order git and PostgreSQL use for every file of the dataset: the file is
 * fsynced under its temporary name, renamed, and its folder fsynced after the rename; the manifest and SHA256SUMS
 * are renamed only after every data file is in place; the finished folder is renamed into place and its parent
 * fsynced.
 */
class DurabilityIT
{
    private static final Pattern FSYNC = Pattern.compile("^\\d+ +f(?:data)?sync\\(\\d+<([^>]*)>");
    private static final Pattern RENAME = Pattern.compile("^\\d+ +rename(?:at2?)?\\((?:[A-Z_]+(?:<[^>]*>)?, )?\"([^\"]+)\", (?:[A-Z_]+(?:<[^>]*>)?, )?\"([^\"]+)\"");

    @TempDir
    Path temporary;

    private record Event(int line, boolean rename, String from, String path) {}

    @Test
    void everyFileIsDurableBeforeItsNameAndTheManifestComesLast()
            throws Exception
    {
        requireStrace();
        Path out = temporary.resolve("demo");
        Path log = temporary.resolve("strace.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("strace", "-f", "-qq", "-y", "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", "-o", log.toString(),
                java, "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "generate", "--scenario", "demo", "--out", out.toString(), "--quiet");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temporary.resolve("out.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("generate under strace finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(temporary.resolve("out.log"))).isZero();

        List<Event> events = parse(Files.readAllLines(log));
        // the dataset is written in a staging folder beside --out, then renamed into place
        Event swap = events.stream().filter(e -> e.rename() && e.path().equals(out.toString())).reduce((a, b) -> b).orElseThrow();
        String staging = swap.from();
        assertThat(fsyncAfter(events, swap.line(), out.getParent().toString())).as("fsync of %s after the swap", out.getParent()).isTrue();

        List<String> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).map(file -> out.relativize(file).toString()).sorted().toList();
        }
        assertThat(files).contains(Manifest.FILE_NAME, Manifest.CHECKSUMS_FILE_NAME).hasSizeGreaterThan(40);
        int lastDataRename = 0;
        for (String file : files) {
            String staged = staging + "/" + file;
            Event rename = events.stream().filter(e -> e.rename() && e.path().equals(staged)).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " was never renamed into place"));
            assertThat(events.stream().anyMatch(e -> !e.rename() && e.path().equals(rename.from()) && e.line() < rename.line()))
                    .as("%s fsynced under its temporary name %s before the rename", file, rename.from()).isTrue();
            String folder = Path.of(staged).getParent().toString();
            assertThat(fsyncAfter(events, rename.line(), folder)).as("%s: its folder fsynced after the rename", file).isTrue();
            assertThat(rename.line()).as("%s renamed before the swap", file).isLessThan(swap.line());
            if (!file.equals(Manifest.FILE_NAME) && !file.equals(Manifest.CHECKSUMS_FILE_NAME)) {
                lastDataRename = Math.max(lastDataRename, rename.line());
            }
        }
        int manifest = renameLine(events, staging + "/" + Manifest.FILE_NAME);
        int sums = renameLine(events, staging + "/" + Manifest.CHECKSUMS_FILE_NAME);
        assertThat(manifest).as("datapackage.json after every data file").isGreaterThan(lastDataRename);
        assertThat(sums).as("SHA256SUMS last").isGreaterThan(manifest);
    }

    private static List<Event> parse(List<String> lines)
    {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fsync = FSYNC.matcher(line);
            if (fsync.find()) {
                events.add(new Event(i, false, null, fsync.group(1)));
                continue;
            }
            Matcher rename = RENAME.matcher(line);
            if (rename.find()) {
                events.add(new Event(i, true, rename.group(1), rename.group(2)));
            }
        }
        return events;
    }

    private static boolean fsyncAfter(List<Event> events, int line, String path)
    {
        return events.stream().anyMatch(e -> !e.rename() && e.line() > line && e.path().equals(path));
    }

    private static int renameLine(List<Event> events, String path)
    {
        return events.stream().filter(e -> e.rename() && e.path().equals(path)).findFirst().orElseThrow().line();
    }

    /** strace is a Debian package; install it where the test may (as root), and skip loudly where ptrace is barred. */
    private static void requireStrace()
            throws IOException, InterruptedException
    {
        if (!Files.isExecutable(Path.of("/usr/bin/strace")) && "root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("sh", "-c", "apt-get install -y strace >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y strace >/dev/null 2>&1)")
                    .inheritIO().start().waitFor(5, TimeUnit.MINUTES);
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "DurabilityIT SKIPPED: strace is not installed and cannot be");
        Process probe = new ProcessBuilder("strace", "-o", "/dev/null", "true").redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes());
        Assumptions.assumeTrue(probe.waitFor() == 0, "DurabilityIT SKIPPED: strace cannot trace here (" + said.strip() + ")");
    }
}
