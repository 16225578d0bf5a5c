package dev.simdata.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CsvShardWriterTest
{
    private static final String DEFINITION = """
            {"name": "sample", "fields": [
              {"name": "id", "type": "string", "format": "uuid", "constraints": {"required": true}},
              {"name": "note", "type": "string"},
              {"name": "amount", "type": "number", "decimalPrecision": 12, "decimalScale": 2},
              {"name": "count", "type": "integer"},
              {"name": "flag", "type": "boolean"},
              {"name": "day", "type": "date"},
              {"name": "at", "type": "datetime"}
            ], "primaryKey": ["id"]}""";

    @Test
    void formatsEveryTypeAndTellsNullFromEmpty(@TempDir Path temporary)
            throws Exception
    {
        TableSchema schema = dev.simdata.schema.SchemaCatalogAccess.parse("sample", new ObjectMapper().readTree(DEFINITION));
        Path file = temporary.resolve("sample.csv");
        try (CsvShardWriter writer = new CsvShardWriter(file, schema)) {
            Row row = new Row(schema);
            long at = Instant.parse("2025-03-04T14:05:09Z").getEpochSecond();
            int day = (int) LocalDate.parse("2024-02-29").toEpochDay();
            writer.write(row.setUuid(0, 0x0123456789abcdefL, 0xfedcba9876543210L).setString(1, "plain").setDecimal(2, 1250).setLong(3, -42)
                    .setBoolean(4, true).setDate(5, day).setTimestamp(6, at));
            writer.write(row.setString(1, "").setDecimal(2, 5).setLong(3, 0).setBoolean(4, false).setNull(5).setNull(6));
            writer.write(row.setString(1, "a, \"quoted\"\nline — café").setDecimal(2, -123456).setNull(3).setNull(4));
            writer.write(row.setNull(1).setNull(2));
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("""
                id,note,amount,count,flag,day,at
                01234567-89ab-cdef-fedc-ba9876543210,plain,12.50,-42,true,2024-02-29,2025-03-04T14:05:09Z
                01234567-89ab-cdef-fedc-ba9876543210,"",0.05,0,false,,
                01234567-89ab-cdef-fedc-ba9876543210,"a, ""quoted""
                line — café",-1234.56,,,,
                01234567-89ab-cdef-fedc-ba9876543210,,,,,,
                """);
    }
}
