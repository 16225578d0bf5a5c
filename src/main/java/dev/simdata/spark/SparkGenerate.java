package dev.simdata.spark;

import dev.simdata.cli.JobArguments;
import dev.simdata.cli.UserException;
import dev.simdata.dataset.DatasetException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The Spark job: {@code spark-submit --class dev.simdata.spark.SparkGenerate simdata.jar [generate options] --out URI}
 * writes the same dataset, byte for byte, as {@code simdata generate} with the same options. Without spark-submit
 * (scripts/simdata-spark) the master comes from {@code SPARK_MASTER}, default {@code local[*]}. Exit codes as the CLI's:
 * 2 for bad input (a bad flag, a non-empty --out), 3 when the job could not run.
 */
public final class SparkGenerate
{
    private SparkGenerate() {}

    public static void main(String[] args)
    {
        int code = run(List.of(args), System.out, System.err, null);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * @param given a running session to use and leave running (tests), or null to start one and stop it at the end
     */
    static int run(List<String> args, PrintStream out, PrintStream err, SparkSession given)
    {
        try {
            JobArguments.parse(args.toArray(String[]::new)); // bad flags fail before Spark starts
            // the job needs Spark's scheduler only, not its SQL engine: a bare context starts faster
            JavaSparkContext spark = given != null ? JavaSparkContext.fromSparkContext(given.sparkContext()) : context();
            try {
                SparkJob.Result result = SparkJob.run(spark, args);
                out.printf(Locale.ROOT, "simdata-spark: wrote %,d rows in %d files to %s in %.1f s%n", result.rows(), result.files(), result.out(), result.elapsedNanos() / 1e9);
            }
            finally {
                if (given == null) {
                    spark.stop();
                }
            }
            return 0;
        }
        catch (UserException | DatasetException | IllegalArgumentException e) {
            err.println("simdata-spark: error: " + oneLine(e.getMessage()));
            return 2;
        }
        catch (IOException | UncheckedIOException e) {
            err.println("simdata-spark: error: could not run: " + oneLine(e.getMessage()));
            return 3;
        }
        catch (RuntimeException e) {
            // a failed Spark job (tasks out of retries): its message names the cause; the executors' logs hold the rest
            err.println("simdata-spark: error: could not run: " + oneLine(e.getMessage()));
            return 3;
        }
    }

    static JavaSparkContext context()
    {
        SparkConf conf = new SparkConf().setAppName("simdata");
        if (!conf.contains("spark.master")) {
            String master = System.getenv("SPARK_MASTER");
            conf.setMaster(master == null || master.isBlank() ? "local[*]" : master);
        }
        return new JavaSparkContext(conf);
    }

    private static String oneLine(String message)
    {
        if (message == null) {
            return "";
        }
        String first = message.strip().split("\\R", 2)[0];
        return first.length() > 400 ? first.substring(0, 400) + "..." : first;
    }
}
