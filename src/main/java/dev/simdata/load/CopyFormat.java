package dev.simdata.load;

import java.util.Locale;

/** How rows travel to the server: {@code COPY … (FORMAT csv)} or {@code (FORMAT binary)}, encoded by the loader. */
public enum CopyFormat
{
    /** The server parses CSV text; CSV shards are sent as they are. */
    TEXT,
    /** The loader encodes each value in its binary send format; fewer bytes, no text parsing on the server. */
    BINARY;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CopyFormat parse(String text)
    {
        for (CopyFormat format : values()) {
            if (format.id().equals(text.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new LoadException("--copy-format '" + text + "' is not one of text, binary");
    }
}
