package dev.simdata.schema;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCatalogTest
{
    @Test
    void tablesComeAfterTheTablesTheyReference()
    {
        List<String> seen = new ArrayList<>();
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            for (ForeignKey foreignKey : table.foreignKeys()) {
                assertThat(seen).as("%s references %s", table.name(), foreignKey.referencedTable()).contains(foreignKey.referencedTable());
            }
            assertThat(table.primaryKey()).as("primary key of %s", table.name()).containsExactly("id");
            seen.add(table.name());
        }
        assertThat(seen).startsWith("organizations").contains("contacts", "campaigns", "recipients", "events");
    }

    @Test
    void ddlQuotesEveryIdentifierAndCarriesConstraints()
    {
        TableSchema campaigns = SchemaCatalog.bundled().table("campaigns");
        String ddl = PostgresDdl.createTable("my schema", campaigns);
        assertThat(ddl).startsWith("CREATE TABLE IF NOT EXISTS \"my schema\".\"campaigns\" (")
                .contains("\"budget\" numeric(12,2) NOT NULL", "\"mail_date\" date,", "\"created_at\" timestamp with time zone NOT NULL",
                        "\"status\" text NOT NULL CHECK (\"status\" IN ('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled'))");
        assertThat(PostgresDdl.foreignKeys("s", campaigns)).contains(
                "ALTER TABLE \"s\".\"campaigns\" ADD CONSTRAINT \"campaigns_client_id_fkey\" FOREIGN KEY (\"client_id\") REFERENCES \"s\".\"clients\" (\"id\")");
        assertThat(PostgresDdl.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void parquetSchemaFollowsTheDefinition()
    {
        org.apache.parquet.schema.MessageType campaigns = ParquetSchemas.of(SchemaCatalog.bundled().table("campaigns"));
        assertThat(campaigns.getType("budget").toString()).isEqualTo("required int64 budget (DECIMAL(12,2))");
        assertThat(campaigns.getType("created_at").toString()).isEqualTo("required int64 created_at (TIMESTAMP(MICROS,true))");
        assertThat(campaigns.getType("mail_date").toString()).isEqualTo("optional int32 mail_date (DATE)");
        assertThat(campaigns.getType("id").toString()).isEqualTo("required binary id (STRING)");
    }

    @Test
    void csvHeaderListsTheColumnsInOrder()
    {
        assertThat(SchemaCatalog.bundled().table("events").csvHeader()).isEqualTo("id,recipient_id,campaign_id,event_type,occurred_at");
    }
}
