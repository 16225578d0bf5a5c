package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged datasets: each one must be caught by the check aimed at, with a message naming the table or file.
 * Content mutations re-seal the manifest and SHA256SUMS, so no other check may fail.
 */
class MutationIT
{
    private static final long SHARD_ROWS = 400;

    @TempDir
    Path temporary;

    private Path demoCsv()
            throws IOException
    {
        return TestDatasets.copy(TestDatasets.fresh(Scenario.DEMO, EnumSet.of(DataFormat.CSV), SHARD_ROWS), temporary.resolve("damaged"));
    }

    private static ValidationReport validate(Path dataset)
            throws Exception
    {
        return Validator.validateFiles(dataset, ValidationOptions.all());
    }

    private static Set<String> failedChecks(ValidationReport report)
    {
        return report.failures().stream().map(CheckResult::name).collect(Collectors.toSet());
    }

    private static CheckResult failure(ValidationReport report, String name)
    {
        return report.failures().stream().filter(result -> result.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void cleanCopyPasses()
            throws Exception
    {
        ValidationReport report = validate(demoCsv());
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void foreignKeyPointingNowhere()
            throws Exception
    {
        Path dataset = demoCsv();
        Mutations.rewriteCsv(dataset, "csv/recipients/part-00001.csv", lines -> {
            lines.set(5, Mutations.setColumn(lines.get(5), 2, "00000000-0000-4000-8000-000000000001"));
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("keys.foreign_key");
        CheckResult failure = failure(report, "keys.foreign_key");
        assertThat(failure.table()).isEqualTo("recipients");
        assertThat(failure.message()).contains("recipients(contact_id) -> contacts(id)").contains("00000000-0000-4000-8000-000000000001")
                .contains("file=csv/recipients/part-00001.csv");
    }

    @Test
    void giftCardStatusContradictsItsDelivery()
            throws Exception
    {
        Path dataset = demoCsv();
        int status = dev.simdata.schema.SchemaCatalog.bundled().table("gift_card_inventory").columnIndex("status");
        String changed = Mutations.rewriteFirst(dataset, "csv/gift_card_inventory/part-00000.csv",
                line -> Mutations.column(line, status).equals("delivered"), line -> Mutations.setColumn(line, status, "available"));
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("keys.gift_card_status");
        assertThat(failure(report, "keys.gift_card_status").message()).contains("table gift_card_inventory").contains(Mutations.column(changed, 0));
    }

    @Test
    void rewardSpendThatDoesNotReconcile()
            throws Exception
    {
        Path dataset = demoCsv();
        var campaigns = dev.simdata.schema.SchemaCatalog.bundled().table("campaigns");
        int rewardSpend = campaigns.columnIndex("reward_spend");
        String changed = Mutations.rewriteFirst(dataset, "csv/campaigns/part-00000.csv", line -> !Mutations.column(line, rewardSpend).equals("0.00"), line -> {
            // the total still adds up: only the reward spend disagrees with the deliveries
            String mailing = Mutations.column(line, campaigns.columnIndex("mailing_cost"));
            String total = new java.math.BigDecimal(mailing).add(java.math.BigDecimal.ONE).toPlainString();
            return Mutations.setColumn(Mutations.setColumn(line, rewardSpend, "1.00"), campaigns.columnIndex("total_spend"), total);
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("keys.campaign_finance");
        assertThat(failure(report, "keys.campaign_finance").message()).contains("table campaigns").contains(Mutations.column(changed, 0));
    }

    @Test
    void auditTrailThatDoesNotEndInTheStatus()
            throws Exception
    {
        Path dataset = demoCsv();
        var audit = dev.simdata.schema.SchemaCatalog.bundled().table("recipient_audit_log");
        int newStatus = audit.columnIndex("new_status");
        String changed = Mutations.rewriteFirst(dataset, "csv/recipient_audit_log/part-00000.csv",
                line -> Mutations.column(line, newStatus).equals("converted"), line -> Mutations.setColumn(line, newStatus, "engaged"));
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("time.audit_trail");
        assertThat(failure(report, "time.audit_trail").message()).contains("table recipient_audit_log")
                .contains(Mutations.column(changed, audit.columnIndex("recipient_id")));
    }

    @Test
    void callThatIsNotItsEvent()
            throws Exception
    {
        Path dataset = demoCsv();
        var calls = dev.simdata.schema.SchemaCatalog.bundled().table("call_sessions");
        int startedAt = calls.columnIndex("started_at");
        String changed = Mutations.rewriteFirst(dataset, "csv/call_sessions/part-00000.csv",
                line -> !Mutations.column(line, calls.columnIndex("recipient_id")).isEmpty(),
                line -> Mutations.setColumn(line, startedAt, Instant.parse(Mutations.column(line, startedAt)).plusSeconds(1).toString()));
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("keys.call_event");
        assertThat(failure(report, "keys.call_event").message()).contains("table call_sessions").contains(Mutations.column(changed, 0));
    }

    @Test
    void duplicatedPrimaryKey()
            throws Exception
    {
        Path dataset = demoCsv();
        String[] duplicated = new String[1];
        Mutations.rewriteCsv(dataset, "csv/events/part-00002.csv", lines -> {
            duplicated[0] = Mutations.column(lines.get(2), 0);
            lines.set(3, Mutations.setColumn(lines.get(3), 0, duplicated[0]));
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("keys.primary_key");
        CheckResult failure = failure(report, "keys.primary_key");
        assertThat(failure.table()).isEqualTo("events");
        assertThat(failure.message()).contains("table events").contains(duplicated[0]).contains("file=csv/events/part-00002.csv");
    }

    @Test
    void eventBeforeItsMailing()
            throws Exception
    {
        Path dataset = demoCsv();
        String[] recipient = new String[1];
        Mutations.rewriteCsv(dataset, "csv/events/part-00001.csv", lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (Mutations.column(lines.get(i), 3).equals("qr_scanned")) {
                    String owner = Mutations.column(lines.get(i), 1);
                    for (String line : lines) {
                        if (Mutations.column(line, 1).equals(owner) && Mutations.column(line, 3).equals("mailed")) {
                            Instant mailed = Instant.parse(Mutations.column(line, 4));
                            lines.set(i, Mutations.setColumn(lines.get(i), 4, mailed.minus(Duration.ofDays(1)).toString()));
                            recipient[0] = owner;
                            return lines;
                        }
                    }
                }
            }
            throw new AssertionError("no qr_scanned event with its mailing in the shard");
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("time.causal_order");
        CheckResult failure = failure(report, "time.causal_order");
        assertThat(failure.table()).isEqualTo("events");
        assertThat(failure.message()).contains(recipient[0]).contains("engagement before delivery").contains("file=csv/events/part-00001.csv");
    }

    @Test
    void lostEventContradictsRecipientStatus()
            throws Exception
    {
        Path dataset = demoCsv();
        String[] recipient = new String[1];
        Mutations.rewriteCsv(dataset, "csv/events/part-00001.csv", lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (Mutations.column(lines.get(i), 3).equals("lead_created")) {
                    recipient[0] = Mutations.column(lines.get(i), 1);
                    lines.remove(i);
                    return lines;
                }
            }
            throw new AssertionError("no lead in the shard");
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("time.recipient_status");
        assertThat(failure(report, "time.recipient_status").message()).contains("table recipients").contains(recipient[0]).contains("status=converted");
    }

    /** 480 campaigns over six months with few recipients each: about 70 campaigns a month, so every month is judged. */
    static final Scenario MONTHLY = new Scenario("monthly", "many small campaigns", 3, 12, 24, 3_000, 480, 4, 6, dev.simdata.scenario.Features.CORE);

    static final Scenario GROWING = new Scenario("monthly_growing", "many small campaigns, growing fast", 3, 12, 24, 3_000, 480, 4, 6,
            dev.simdata.scenario.Features.CORE, 10.0);

    @Test
    void campaignsMovedIntoOneMonth()
            throws Exception
    {
        Path dataset = TestDatasets.copy(TestDatasets.fresh(MONTHLY, EnumSet.of(DataFormat.CSV), SHARD_ROWS), temporary.resolve("moved"));
        ValidationReport clean = validate(dataset);
        assertThat(clean.failures()).as(ReportWriter.text(clean)).isEmpty();
        assertThat(clean.results()).filteredOn(result -> result.name().equals("distributions.monthly.campaigns")).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(CheckStatus.PASSED));
        // campaigns created in August and September 2025 were created in July instead: earlier, so still before
        // their mail dates, and every other check still holds
        int createdAt = dev.simdata.schema.SchemaCatalog.bundled().table("campaigns").columnIndex("created_at");
        int[] moved = {0};
        try (var shards = Files.list(dataset.resolve("csv/campaigns"))) {
            for (Path shard : shards.sorted().toList()) {
                Mutations.rewriteCsv(dataset, dataset.relativize(shard).toString(), lines -> {
                    for (int i = 0; i < lines.size(); i++) {
                        String created = Mutations.column(lines.get(i), createdAt);
                        if (created.startsWith("2025-08-1") || created.startsWith("2025-09-1")) {
                            String day = created.substring(8, 10);
                            lines.set(i, Mutations.setColumn(lines.get(i), createdAt, "2025-07-" + day + created.substring(10)));
                            moved[0]++;
                        }
                    }
                    return lines;
                });
            }
        }
        assertThat(moved[0]).isGreaterThan(30);
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("distributions.monthly.campaigns");
        assertThat(failure(report, "distributions.monthly.campaigns").message()).contains("table campaigns").contains("2025-07 has");
    }

    @Test
    void aGrowingBusinessIsJudgedWithItsGrowth()
            throws Exception
    {
        // growing elevenfold a year: the monthly check expects the growth the manifest records, and fails without it
        Path dataset = TestDatasets.copy(TestDatasets.fresh(GROWING, EnumSet.of(DataFormat.CSV), SHARD_ROWS), temporary.resolve("growing"));
        ValidationReport growing = validate(dataset);
        assertThat(growing.failures()).as(ReportWriter.text(growing)).isEmpty();
        assertThat(growing.results()).filteredOn(result -> result.name().equals("distributions.monthly.campaigns")).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(CheckStatus.PASSED));
        Path manifest = dataset.resolve(dev.simdata.dataset.Manifest.FILE_NAME);
        String recorded = Files.readString(manifest);
        assertThat(recorded).contains("\"growth_per_year\" : 10.0");
        Files.writeString(manifest, recorded.replace("\"growth_per_year\" : 10.0", "\"growth_per_year\" : 0.0"));
        Mutations.resealManifest(dataset);
        ValidationReport flat = validate(dataset);
        assertThat(failedChecks(flat)).containsExactly("distributions.monthly.campaigns");
    }

    @Test
    void flippedByte()
            throws Exception
    {
        Path dataset = demoCsv();
        Path file = dataset.resolve("csv/recipients/part-00001.csv");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).contains("integrity.checksums");
        CheckResult failure = failure(report, "integrity.checksums");
        assertThat(failure.table()).isEqualTo("recipients");
        assertThat(failure.message()).contains("csv/recipients/part-00001.csv");
    }

    @Test
    void missingShard()
            throws Exception
    {
        Path dataset = demoCsv();
        Files.delete(dataset.resolve("csv/events/part-00001.csv"));
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("integrity.complete");
        assertThat(failure(report, "integrity.complete").message()).contains("table events").contains("csv/events/part-00001.csv");
    }

    @Test
    void extraUnlistedShard()
            throws Exception
    {
        Path dataset = demoCsv();
        Files.copy(dataset.resolve("csv/events/part-00000.csv"), dataset.resolve("csv/events/part-00099.csv"));
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("integrity.unlisted");
        assertThat(failure(report, "integrity.unlisted").message()).contains("csv/events/part-00099.csv");
    }

    @Test
    void csvColumnOfTheWrongType()
            throws Exception
    {
        Path dataset = demoCsv();
        Mutations.rewriteCsv(dataset, "csv/campaigns/part-00000.csv", lines -> {
            lines.set(4, Mutations.setColumn(lines.get(4), dev.simdata.schema.SchemaCatalog.bundled().table("campaigns").columnIndex("recipient_count"), "many"));
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("schema.types");
        CheckResult failure = failure(report, "schema.types");
        assertThat(failure.table()).isEqualTo("campaigns");
        assertThat(failure.message()).contains("recipient_count").contains("csv/campaigns/part-00000.csv").contains("'many'");
    }

    @Test
    void parquetColumnOfTheWrongType()
            throws Exception
    {
        Path dataset = TestDatasets.copy(TestDatasets.fresh(Scenario.DEMO, EnumSet.of(DataFormat.PARQUET), SHARD_ROWS), temporary.resolve("parquet"));
        String shard = "parquet/events/part-00000.parquet";
        Path file = dataset.resolve(shard);
        Path rewritten = temporary.resolve("rewritten.parquet");
        long rows;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT id, recipient_id, campaign_id, event_type, CAST(occurred_at AS VARCHAR) AS occurred_at FROM read_parquet('" + file + "'))"
                    + " TO '" + rewritten + "' (FORMAT parquet)");
            try (var result = statement.executeQuery("SELECT count(*) FROM read_parquet('" + rewritten + "')")) {
                result.next();
                rows = result.getLong(1);
            }
        }
        Files.move(rewritten, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Mutations.reseal(dataset, shard, rows);
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("schema.types");
        CheckResult failure = failure(report, "schema.types");
        assertThat(failure.table()).isEqualTo("events");
        assertThat(failure.message()).contains(shard).contains("occurred_at VARCHAR");
    }

    @Test
    void funnelRateSkewedByHalf()
            throws Exception
    {
        Path dataset = TestDatasets.copy(TestDatasets.fresh(Scenario.DEVELOPMENT, EnumSet.of(DataFormat.CSV), 250_000), temporary.resolve("funnel"));
        java.util.Set<String> engaged = new java.util.HashSet<>();
        Mutations.rewriteCsv(dataset, "csv/events/part-00000.csv", lines -> {
            List<String> kept = new java.util.ArrayList<>();
            int scans = 0;
            for (String line : lines) {
                if (Mutations.column(line, 3).equals("qr_scanned") && scans++ % 2 == 0) {
                    continue;
                }
                kept.add(line);
                if (!Set.of("mailed", "delivered").contains(Mutations.column(line, 3))) {
                    engaged.add(Mutations.column(line, 1));
                }
            }
            return kept;
        });
        // Keep recipients' statuses and audit trails true to their remaining events, so that only the funnel is off.
        java.util.Set<String> demoted = new java.util.HashSet<>();
        Mutations.rewriteCsv(dataset, "csv/recipients/part-00000.csv", lines -> {
            lines.replaceAll(line -> {
                if (Mutations.column(line, 4).equals("engaged") && !engaged.contains(Mutations.column(line, 0))) {
                    demoted.add(Mutations.column(line, 0));
                    return Mutations.setColumn(line, 4, "delivered");
                }
                return line;
            });
            return lines;
        });
        var audit = dev.simdata.schema.SchemaCatalog.bundled().table("recipient_audit_log");
        Mutations.rewriteCsv(dataset, "csv/recipient_audit_log/part-00000.csv", lines -> {
            lines.removeIf(line -> demoted.contains(Mutations.column(line, audit.columnIndex("recipient_id")))
                    && Mutations.column(line, audit.columnIndex("new_status")).equals("engaged"));
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("distributions.funnel.qr_scanned");
        CheckResult failure = failure(report, "distributions.funnel.qr_scanned");
        assertThat(failure.table()).isEqualTo("events");
        assertThat(failure.message()).contains("qr_scanned / delivered");
    }

    @Test
    void malformedCsv()
            throws Exception
    {
        Path dataset = demoCsv();
        Mutations.rewriteCsv(dataset, "csv/events/part-00003.csv", lines -> {
            lines.set(7, lines.get(7) + ",surplus");
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("integrity.readable");
        assertThat(failure(report, "integrity.readable").message()).contains("table events").contains("csv/events/part-00003.csv").contains("Line: 9");
    }

    @Test
    void csvAndParquetDisagree()
            throws Exception
    {
        Path dataset = TestDatasets.copy(TestDatasets.bothFormats(Scenario.DEMO), temporary.resolve("both"));
        String[] changed = new String[1];
        Mutations.rewriteCsv(dataset, "csv/contacts/part-00000.csv", lines -> {
            int row = 0;
            while (lines.get(row).contains("\"")) {
                row++;
            }
            changed[0] = Mutations.column(lines.get(row), 0);
            lines.set(row, Mutations.setColumn(lines.get(row), 2, "Zebulon"));
            return lines;
        });
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("integrity.formats_agree");
        CheckResult failure = failure(report, "integrity.formats_agree");
        assertThat(failure.table()).isEqualTo("contacts");
        assertThat(failure.message()).contains("id=" + changed[0] + " differs");
    }

    @Test
    void shardLinkedFromOutsideTheDataset()
            throws Exception
    {
        Path dataset = demoCsv();
        Path shard = dataset.resolve("csv/organizations/part-00000.csv");
        Path outside = Files.copy(shard, temporary.resolve("outside.csv"));
        Files.delete(shard);
        Files.createSymbolicLink(shard, outside);
        ValidationReport report = validate(dataset);
        assertThat(failedChecks(report)).containsExactly("integrity.confined");
        assertThat(failure(report, "integrity.confined").message()).contains("table organizations").contains("csv/organizations/part-00000.csv");
    }

    @Test
    void manifestPathLeavingTheDatasetIsInvalidInput()
            throws Exception
    {
        Path dataset = demoCsv();
        Path manifest = dataset.resolve("datapackage.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"csv/organizations/part-00000.csv\"", "\"csv/../../outside.csv\""));
        assertThatThrownBy(() -> validate(dataset)).isInstanceOf(DatasetException.class).hasMessageContaining("csv/../../outside.csv");
    }

    static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
