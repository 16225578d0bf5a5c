package dev.simdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 17 cases 7 and 8: hostile --config files and bad option values exit 2 with one line, fast, no stack trace. */
class HostileInputTest
{
    @TempDir
    Path temporary;

    private record Run(int code, String err) {}

    private static Run run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, err.toString());
    }

    private Run generateWithConfig(Path config)
    {
        return assertTimeoutPreemptively(Duration.ofSeconds(2), () -> run("generate", "--config", config.toString(), "--out", temporary.resolve("out").toString()));
    }

    private static void assertInvalidInput(Run run, String... fragments)
    {
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        for (String fragment : fragments) {
            assertThat(run.err()).contains(fragment);
        }
    }

    @Test
    void deeplyNestedConfig()
            throws Exception
    {
        Path config = temporary.resolve("deep.yaml");
        Files.writeString(config, "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n", StandardCharsets.UTF_8);
        assertInvalidInput(generateWithConfig(config), "deep.yaml");
        Path json = temporary.resolve("deep.json");
        Files.writeString(json, "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}", StandardCharsets.UTF_8);
        assertInvalidInput(generateWithConfig(json), "deep.json");
    }

    @Test
    void deviceAsConfig()
    {
        assertInvalidInput(generateWithConfig(Path.of("/dev/zero")), "/dev/zero", "larger than");
    }

    @Test
    void oneHugeString()
            throws Exception
    {
        Path config = temporary.resolve("huge.yaml");
        Files.writeString(config, "name: \"" + "x".repeat(50 * 1024 * 1024) + "\"\n", StandardCharsets.UTF_8);
        assertInvalidInput(generateWithConfig(config), "huge.yaml", "larger than");
        Path longValue = temporary.resolve("long.yaml");
        Files.writeString(longValue, "name: \"" + "x".repeat(100_000) + "\"\n", StandardCharsets.UTF_8);
        assertInvalidInput(generateWithConfig(longValue), "long.yaml");
    }

    @Test
    void duplicateKeys()
            throws Exception
    {
        Path config = temporary.resolve("twice.yaml");
        Files.writeString(config, "organizations: 3\norganizations: 4\n", StandardCharsets.UTF_8);
        assertInvalidInput(generateWithConfig(config), "twice.yaml", "organizations");
    }

    @Test
    void emptyFormatList()
    {
        assertInvalidInput(run("generate", "--scenario", "demo", "--format", ",", "--out", temporary.resolve("out").toString()), "--format");
    }

    @Test
    void lockTimeoutOutOfRange()
    {
        assertInvalidInput(run("load", temporary.toString(), "--url", "postgres://nobody@localhost:1/none", "--lock-timeout", "99999999999"), "--lock-timeout");
        assertInvalidInput(run("load", temporary.toString(), "--url", "postgres://nobody@localhost:1/none", "--lock-timeout", "0"), "--lock-timeout");
    }
}
