package dev.simdata.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.random.Uuids;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RowTest
{
    @Test
    void aUuidsTextFollowsItsValueThroughRepeatsNullsAndReuse()
            throws Exception
    {
        TableSchema schema = SchemaCatalogAccess.parse("sample", new ObjectMapper().readTree("""
                {"name": "sample", "fields": [
                  {"name": "id", "type": "string", "format": "uuid", "constraints": {"required": true}},
                  {"name": "parent_id", "type": "string", "format": "uuid"}
                ], "primaryKey": ["id"]}"""));
        Row row = new Row(schema);
        long[] highs = {0, 0, 1, 0x0123456789abcdefL, 0x0123456789abcdefL, -1};
        long[] lows = {0, 1, 1, 0xfedcba9876543210L, 0xfedcba9876543211L, -1};
        SplittableRandom random = new SplittableRandom(7);
        byte[] out = new byte[2 + Row.UUID_TEXT];
        for (int step = 0; step < 2_000; step++) {
            int column = random.nextInt(2);
            int pick = random.nextInt(highs.length);
            switch (random.nextInt(4)) {
                case 0 -> row.setNull(column);
                // a slot once holding a long (a reused row of another use) must never leave stale text behind
                case 1 -> row.setLong(column, highs[pick]);
                default -> row.setUuid(column, highs[pick], lows[pick]);
            }
            if (!row.isNull(column)) {
                // asked twice, as csv and parquet ask for it, and at an offset
                for (int ask = 0; ask < 2; ask++) {
                    row.copyUuidText(column, out, 2);
                    assertThat(new String(out, 2, Row.UUID_TEXT, StandardCharsets.US_ASCII))
                            .isEqualTo(Uuids.toString(row.uuidHigh(column), row.uuidLow(column)));
                }
            }
        }
    }
}
