package dev.simdata.cli;

import dev.simdata.dataset.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real CLI in-process and checks what it prints and returns. */
class CliTest
{
    record Result(int code, String out, String err) {}

    static Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelpAndVersion()
    {
        for (String[] command : new String[][] {{}, {"generate"}, {"plan"}, {"scenarios"}, {"load"}, {"validate"}, {"export"}, {"export", "duckdb"}, {"export", "sql"}, {"diff"}}) {
            String[] help = java.util.Arrays.copyOf(command, command.length + 1);
            help[command.length] = "--help";
            Result helpResult = run(help);
            assertThat(helpResult.code()).isZero();
            assertThat(helpResult.out()).contains("Usage:");
            String[] version = java.util.Arrays.copyOf(command, command.length + 1);
            version[command.length] = "--version";
            Result versionResult = run(version);
            assertThat(versionResult.code()).isZero();
            assertThat(versionResult.out()).startsWith("simdata ");
        }
    }

    @Test
    void withoutATerminalNoArgumentsPrintsTheHelpAndExitsTwo(@TempDir Path temporary)
            throws Exception
    {
        // the tests' standard input is not a terminal
        Result result = run();
        assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err()).startsWith("Usage: simdata").contains("guided session", "130  interrupted");
        assertThat(result.out()).isEmpty();

        // as 'simdata < /dev/null': a JVM of its own answers at once, without waiting for input
        Path err = temporary.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(temporary.resolve("out.txt").toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within a minute").isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(Files.readString(err)).startsWith("Usage: simdata").contains("guided session");
        assertThat(temporary.resolve("out.txt")).isEmptyFile();
    }

    @Test
    void scenariosListsThePresets()
    {
        Result result = run("scenarios");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("demo", "development", "analytics", "load_test", "200000", "12 months");
    }

    @Test
    void userMistakesGiveOneLineAndExitCodeTwo(@TempDir Path temporary)
            throws IOException
    {
        Path file = Files.writeString(temporary.resolve("a-file"), "x");
        String[][] mistakes = {
                {"generate", "--scenario", "huge", "--out", temporary.resolve("a").toString()},
                {"generate", "--shard-rows", "0", "--out", temporary.resolve("b").toString()},
                {"generate", "--shard-rows", "-5", "--out", temporary.resolve("c").toString()},
                {"generate", "--threads", "0", "--out", temporary.resolve("d").toString()},
                {"generate", "--as-of", "yesterday", "--out", temporary.resolve("e").toString()},
                {"generate", "--as-of", "2025-02-30", "--out", temporary.resolve("f").toString()},
                {"generate", "--format", "xlsx", "--out", temporary.resolve("g").toString()},
                {"generate", "--parquet-compression", "lz4", "--out", temporary.resolve("h").toString()},
                {"generate", "--out", file.resolve("below-a-file").toString()},
                {"generate", "--out", "/proc/simdata-cannot-write-here"},
                {"generate", "--no-such-flag"},
        };
        String[] named = {"--scenario", "--shard-rows", "--shard-rows", "--threads", "--as-of", "--as-of", "--format", "--parquet-compression", "--out", "--out", "--no-such-flag"};
        for (int i = 0; i < mistakes.length; i++) {
            Result result = run(mistakes[i]);
            assertThat(result.code()).as("exit code of %s", String.join(" ", mistakes[i])).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(result.err().strip()).as("error of %s", String.join(" ", mistakes[i])).doesNotContain("\n").contains(named[i]).doesNotContain("Exception");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void aNonEmptyFolderNeedsForceAndForceOnlyReplacesADataset(@TempDir Path temporary)
            throws IOException
    {
        Path out = temporary.resolve("demo");
        assertThat(run("generate", "--out", out.toString(), "--quiet").code()).isZero();
        String checksums = Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME));

        // the same settings again: reproduced beside it, compared byte for byte, left as it is
        Result again = run("generate", "--out", out.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already held this exact dataset");
        assertThat(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(checksums);
        try (var siblings = Files.list(temporary)) {
            assertThat(siblings.map(path -> path.getFileName().toString())).containsExactly("demo");
        }

        // other settings, or edited files: refused without --force
        Result otherSeed = run("generate", "--out", out.toString(), "--seed", "7");
        assertThat(otherSeed.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(otherSeed.err()).contains("--force");
        Path contacts = out.resolve("csv/contacts/part-00000.csv");
        String original = Files.readString(contacts);
        Files.writeString(contacts, original.replaceFirst("\n[0-9a-f]", "\nf"));
        Result edited = run("generate", "--out", out.toString());
        assertThat(edited.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(edited.err()).contains("differ", "--force");
        Files.writeString(contacts, original);

        // issue 17 case 1: a file the dataset does not list is the user's; --force refuses, naming it, and keeps it
        Files.writeString(out.resolve("csv/users/stray.csv"), "leftover");
        Result strayRefused = run("generate", "--out", out.toString(), "--force");
        assertThat(strayRefused.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(strayRefused.err()).contains("csv/users/stray.csv");
        assertThat(out.resolve("csv/users/stray.csv")).hasContent("leftover");
        Files.delete(out.resolve("csv/users/stray.csv"));
        Result forced = run("generate", "--out", out.toString(), "--force");
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).contains("events", "rows/s");
        assertThat(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(checksums);

        Path mixed = temporary.resolve("mixed");
        Files.createDirectories(mixed);
        Files.writeString(mixed.resolve("notes.txt"), "mine");
        Result refused = run("generate", "--out", mixed.toString(), "--force");
        assertThat(refused.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(refused.err()).contains("notes.txt");
        assertThat(mixed.resolve("notes.txt")).exists();
    }
}
