package dev.simdata.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The byte-level rules PostgreSQL's {@code COPY … (FORMAT csv)} applies to a simdata CSV shard, checked in one
 * streaming pass: valid UTF-8 (no overlong forms, no surrogates), no NUL byte (text cannot hold one), and lines
 * ending in LF only (a carriage return outside quotes is a Windows line ending, which the loader rejects).
 */
final class CsvBytes
{
    private CsvBytes() {}

    /** The first problem in the file, with its byte offset, or empty when the file follows the rules. */
    static Optional<String> firstProblem(Path file)
            throws IOException
    {
        byte[] buffer = new byte[1 << 16];
        long offset = 0;
        boolean quoted = false;
        int pending = 0;      // continuation bytes still expected
        int low = 0x80;       // bounds of the next continuation byte (narrower after E0, ED, F0, F4)
        int high = 0xBF;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++, offset++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if (b < low || b > high) {
                            return Optional.of("invalid UTF-8 at byte " + offset);
                        }
                        pending--;
                        low = 0x80;
                        high = 0xBF;
                        continue;
                    }
                    if (b < 0x80) {
                        if (b == 0) {
                            return Optional.of("NUL byte at byte " + offset);
                        }
                        if (b == '"') {
                            quoted = !quoted;
                        }
                        else if (b == '\r' && !quoted) {
                            return Optional.of("carriage return (Windows line ending) at byte " + offset);
                        }
                        continue;
                    }
                    if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                    }
                    else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                        low = b == 0xE0 ? 0xA0 : 0x80;
                        high = b == 0xED ? 0x9F : 0xBF;
                    }
                    else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                        low = b == 0xF0 ? 0x90 : 0x80;
                        high = b == 0xF4 ? 0x8F : 0xBF;
                    }
                    else {
                        return Optional.of("invalid UTF-8 at byte " + offset);
                    }
                }
            }
        }
        if (pending > 0) {
            return Optional.of("invalid UTF-8 (a truncated character) at the end");
        }
        if (quoted) {
            return Optional.of("a quoted value is not closed at the end of the file");
        }
        return Optional.empty();
    }
}
