package dev.simdata.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;

/**
 * An order-independent fingerprint of a DataFrame's rows: the row count and the exact sum of each row's 64-bit
 * xxhash over all its columns (as a decimal, so it never overflows). Equal multisets of rows with equal types give
 * equal fingerprints; one aggregation, no shuffle.
 */
final class RowHashes
{
    private RowHashes() {}

    record Fingerprint(long rows, BigDecimal hashSum) {}

    static Fingerprint of(Dataset<Row> frame)
    {
        Row result = frame.selectExpr("cast(xxhash64(*) as decimal(38,0)) as h")
                .selectExpr("count(*) as rows", "coalesce(sum(h), 0) as hashes")
                .first();
        return new Fingerprint(result.getLong(0), result.getDecimal(1));
    }
}
