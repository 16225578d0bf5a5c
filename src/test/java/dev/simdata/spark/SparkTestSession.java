package dev.simdata.spark;

import org.apache.spark.sql.SparkSession;

/** A Spark session in local mode for one test class: no UI, UTC, java.time values. */
final class SparkTestSession
{
    private SparkTestSession() {}

    static SparkSession start(String master)
    {
        return SparkSession.builder()
                .appName("simdata-test")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
