package dev.simdata;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No file under src/main is longer than 400 lines. */
class SourceSizeArchitectureTest
{
    private static final int MOST_LINES = 400;

    @Test
    void noMainSourceFileIsOver400Lines()
            throws IOException
    {
        List<String> oversized = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.toString().replace('\\', '/');
                long lines = 0;
                for (byte b : Files.readAllBytes(file)) {
                    lines += b == '\n' ? 1 : 0;
                }
                if (lines > MOST_LINES) {
                    oversized.add(name + " (" + lines + " lines)");
                }
            }
        }
        assertThat(oversized).as("files under src/main over " + MOST_LINES + " lines").isEmpty();
    }
}
