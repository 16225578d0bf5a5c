package dev.simdata.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Parquet footer names the parquet-java version that wrote it, so the dataset's bytes are those of
 * {@code generate} only with the parquet-java simdata was built with. Spark ships its own (4.1.1: 1.16.0), which wins
 * when Spark's jars come first on the classpath; this check refuses to write anything then, on the driver and in
 * every executor, instead of writing other bytes.
 */
final class ParquetVersion
{
    private static volatile boolean checked;

    private ParquetVersion() {}

    static void check()
    {
        if (checked) {
            return;
        }
        String expected = expected();
        String found = loaded();
        if (expected != null && !expected.equals(found)) {
            throw new IllegalStateException("parquet-java " + found + " comes before simdata's " + expected
                    + " on this JVM's classpath, so the Parquet files would not be generate's bytes; put simdata.jar first"
                    + " (spark-submit --driver-class-path simdata.jar --conf spark.executor.extraClassPath=simdata.jar)");
        }
        checked = true;
    }

    /** The version of the parquet-java classes this JVM loaded: by reflection, as javac inlines the constant. */
    private static String loaded()
    {
        try {
            return (String) Class.forName("org.apache.parquet.Version", true, ParquetVersion.class.getClassLoader()).getField("VERSION_NUMBER").get(null);
        }
        catch (ReflectiveOperationException e) {
            return "unknown";
        }
    }

    private static String expected()
    {
        try (InputStream in = ParquetVersion.class.getClassLoader().getResourceAsStream("simdata-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("parquet");
        }
        catch (IOException e) {
            return null;
        }
    }
}
