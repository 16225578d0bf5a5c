package dev.simdata.validate;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages copy a dataset. */
public final class TestCopies
{
    private TestCopies() {}

    public static Path copy(Path dataset, Path target)
            throws IOException
    {
        return TestDatasets.copy(dataset, target);
    }
}
