package dev.simdata.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build step, run by Maven in the process-classes phase: writes the value pools built from datafaker to the path
 * given as the only argument (the build puts them at {@code target/classes/simdata-pools.json}).
 */
public final class BuildValuePools
{
    private BuildValuePools() {}

    public static void main(String[] args)
            throws IOException
    {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BuildValuePools OUTPUT_FILE");
        }
        Pools.write(Path.of(args[0]));
    }
}
