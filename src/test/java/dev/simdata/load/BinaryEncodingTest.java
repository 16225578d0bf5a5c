package dev.simdata.load;

import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary COPY encoding's arithmetic, without a server: decimals from a long are the bytes the BigInteger path
 * writes, dates are {@link LocalDate}'s epoch days, and a value that is not what its column says is refused.
 * (LoadOptionsIT checks what PostgreSQL makes of the bytes.)
 */
class BinaryEncodingTest
{
    @Test
    void aDecimalFromALongIsTheBigIntegerEncoding()
            throws IOException
    {
        long[] values = {0, 1, -1, 9, 99, 999, 9_999, 10_000, 10_001, 99_990_000, 100_000_000, 123_456_789_012L, -500, 25_00,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L};
        for (int scale = 0; scale <= 20; scale++) {
            for (long value : values) {
                assertThat(decimal(value, scale)).as("%d scale %d", value, scale).isEqualTo(decimal(BigInteger.valueOf(value), scale));
            }
        }
        Random random = new Random(12);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(19);
            assertThat(decimal(value, scale)).as("%d scale %d", value, scale).isEqualTo(decimal(BigInteger.valueOf(value), scale));
        }
    }

    @Test
    void aDecimalHasItsDigitGroupsWeightSignAndScale()
            throws IOException
    {
        // 1206.00: one group (1206), weight 0, positive, scale 2
        assertThat(decimal(120_600, 2)).isEqualTo("0000000a" + "0001" + "0000" + "0000" + "0002" + "04b6");
        // -0.56: one group (5600) of weight -1, negative
        assertThat(decimal(-56, 2)).isEqualTo("0000000a" + "0001" + "ffff" + "4000" + "0002" + "15e0");
        // 10000: one group (1) of weight 1
        assertThat(decimal(1_000_000, 2)).isEqualTo("0000000a" + "0001" + "0001" + "0000" + "0002" + "0001");
        // zero: no groups, positive
        assertThat(decimal(0, 2)).isEqualTo("00000008" + "0000" + "0000" + "0000" + "0002");
    }

    @Test
    void anEpochDayIsLocalDatesForEveryDayOfEightCenturies()
    {
        for (LocalDate day = LocalDate.of(1600, 1, 1); day.getYear() < 2400; day = day.plusDays(1)) {
            assertThat(BinaryCopyWriter.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as("%s", day).isEqualTo(day.toEpochDay());
        }
    }

    @Test
    void aDateThatDoesNotExistIsRefused()
    {
        int[][] dates = {{2023, 2, 29}, {1900, 2, 29}, {2024, 2, 30}, {2024, 4, 31}, {2024, 13, 1}, {2024, 0, 10}, {2024, 1, 0}, {2024, 1, 32}};
        for (int[] date : dates) {
            assertThatThrownBy(() -> BinaryCopyWriter.epochDay(date[0], date[1], date[2])).as("%d-%d-%d", date[0], date[1], date[2])
                    .isInstanceOf(DateTimeException.class);
        }
        assertThat(BinaryCopyWriter.epochDay(2000, 2, 29)).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(BinaryCopyWriter.epochDay(2024, 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    }

    @Test
    void aCsvRowBecomesItsBinaryRow()
            throws IOException
    {
        TableSchema callSessions = SchemaCatalog.bundled().table("call_sessions");
        String row = "ea46edb5-c25c-845e-826e-0bc7fcea7210,827c6c72-803d-8213-b0d3-574f9a036af9,df604450-02b7-8652-bff6-816aa0fb5f9b,,"
                + "C66C9287-AD0A-863A-8548-146417CB96EB,\"+1 (955) 463,2110\",2000-01-01T00:00:01Z,true,706,sms_opted_in\n";
        String expected = "000a"
                + "00000010" + "ea46edb5c25c845e826e0bc7fcea7210"
                + "00000010" + "827c6c72803d8213b0d3574f9a036af9"
                + "00000010" + "df60445002b78652bff6816aa0fb5f9b"
                + "ffffffff"
                + "00000010" + "c66c9287ad0a863a8548146417cb96eb"
                + "00000011" + HexFormat.of().formatHex("+1 (955) 463,2110".getBytes(StandardCharsets.UTF_8))
                + "00000008" + "00000000000f4240" // one second after PostgreSQL's epoch, in microseconds
                + "00000001" + "01"
                + "00000008" + "00000000000002c2"
                + "0000000c" + HexFormat.of().formatHex("sms_opted_in".getBytes(StandardCharsets.UTF_8));
        assertThat(rows(callSessions, row + row)).isEqualTo(expected + expected);
    }

    @Test
    void timestampsOfTheSameDayAndOfOthersEncodeAsEachAlone()
            throws IOException
    {
        // the encoder reuses the last day's epoch day when the date bytes repeat: a run of rows must encode as the rows one by one
        TableSchema callSessions = SchemaCatalog.bundled().table("call_sessions");
        String prefix = "ea46edb5-c25c-845e-826e-0bc7fcea7210,827c6c72-803d-8213-b0d3-574f9a036af9,df604450-02b7-8652-bff6-816aa0fb5f9b,,,+19554632110,";
        StringBuilder all = new StringBuilder();
        StringBuilder oneByOne = new StringBuilder();
        for (String timestamp : List.of("2025-12-16T19:14:22Z", "2025-12-16T23:59:59Z", "2025-12-17T00:00:00Z", "2025-12-16T00:00:00Z",
                "2024-02-29T12:00:00Z", "2024-02-29T12:00:01Z", "1999-12-31T23:59:59Z")) {
            String row = prefix + timestamp + ",true,706,x\n";
            all.append(row);
            oneByOne.append(rows(callSessions, row));
        }
        assertThat(rows(callSessions, all.toString())).isEqualTo(oneByOne.toString());
        assertThatThrownBy(() -> rows(callSessions, prefix + "2025-02-28T19:14:22Z,true,706,x\n" + prefix + "2025-02-29T19:14:22Z,true,706,x\n"))
                .isInstanceOf(LoadException.class).hasMessageContaining("line 3");
    }

    @Test
    void aValueThatIsNotOfItsColumnsTypeIsRefused()
    {
        TableSchema callSessions = SchemaCatalog.bundled().table("call_sessions");
        String prefix = "ea46edb5-c25c-845e-826e-0bc7fcea7210,827c6c72-803d-8213-b0d3-574f9a036af9,df604450-02b7-8652-bff6-816aa0fb5f9b,,,+19554632110,";
        String[] bad = {"2025-12-16T24:14:22Z,true,706,x\n", "2025-12-16T19:60:22Z,true,706,x\n", "2025-02-29T19:14:22Z,true,706,x\n",
                "2025-12-16T19:14:22Z,tru,706,x\n", "2025-12-16T19:14:22Z,TRUE,706,x\n", "2025-12-16T19:14:22Z,true,7o6,x\n"};
        for (String rest : bad) {
            assertThatThrownBy(() -> rows(callSessions, prefix + rest)).as(rest).isInstanceOf(LoadException.class).hasMessageContaining("line 2");
        }
        TableSchema campaigns = SchemaCatalog.bundled().table("campaigns");
        String campaign = "df604450-02b7-8652-bff6-816aa0fb5f9b,459481ac-5e7a-83fd-b73f-9230f63c8c06,a7cc2160-e8a5-8d1f-8b88-e5fa6082b76e,"
                + "f8518fad-45fd-8aab-932e-f615edac5b9c,b20351b0-75a1-8dca-91c1-b8c39de6c275,A,paused,postcard,2025-11-19T11:11:16Z,2025-12-06,"
                + "2025-12-09,500,%s,0.56,478,267.68,740.00,1007.68\n";
        for (String amount : new String[] {"12.345", "1.2.3", "-", "12a.00", ".", "1-2"}) {
            assertThatThrownBy(() -> rows(campaigns, campaign.formatted(amount))).as(amount).isInstanceOf(LoadException.class)
                    .hasMessageContaining("budget");
        }
    }

    @Test
    void aDecimalOfMoreThanEighteenDigitsIsStillExact()
            throws IOException
    {
        TableSchema campaigns = SchemaCatalog.bundled().table("campaigns");
        String campaign = "df604450-02b7-8652-bff6-816aa0fb5f9b,459481ac-5e7a-83fd-b73f-9230f63c8c06,a7cc2160-e8a5-8d1f-8b88-e5fa6082b76e,"
                + "f8518fad-45fd-8aab-932e-f615edac5b9c,b20351b0-75a1-8dca-91c1-b8c39de6c275,A,paused,postcard,2025-11-19T11:11:16Z,2025-12-06,"
                + "2025-12-09,500,%s,0.56,478,267.68,740.00,1007.68\n";
        String wide = rows(campaigns, campaign.formatted("12345678901234567890.5"));
        String narrow = rows(campaigns, campaign.formatted("1206"));
        assertThat(wide).contains(decimal(new BigInteger("1234567890123456789050"), 2).substring(8));
        assertThat(narrow).contains(decimal(120_600, 2).substring(8));
    }

    private static String rows(TableSchema table, String csv)
            throws IOException
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCopyWriter writer = new BinaryCopyWriter(bytes, 1024);
        new CsvToBinary(Path.of("test.csv"), table, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).copy(writer);
        writer.end();
        String hex = HexFormat.of().formatHex(bytes.toByteArray());
        return hex.substring(0, hex.length() - 4); // less the trailer
    }

    private static String decimal(long unscaled, int scale)
            throws IOException
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCopyWriter writer = new BinaryCopyWriter(bytes, 1024);
        writer.writeDecimal(unscaled, scale);
        writer.end();
        String hex = HexFormat.of().formatHex(bytes.toByteArray());
        return hex.substring(0, hex.length() - 4);
    }

    private static String decimal(BigInteger unscaled, int scale)
            throws IOException
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryCopyWriter writer = new BinaryCopyWriter(bytes, 1024);
        writer.writeDecimal(unscaled, scale);
        writer.end();
        String hex = HexFormat.of().formatHex(bytes.toByteArray());
        return hex.substring(0, hex.length() - 4);
    }
}
