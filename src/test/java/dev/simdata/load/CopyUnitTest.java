package dev.simdata.load;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ShardFile;
import dev.simdata.schema.SchemaCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CopyUnitTest
{
    private static final SchemaCatalog CATALOG = SchemaCatalog.bundled();

    private static PlannedShard shard(String table, int index, long bytes)
    {
        String path = "csv/" + table + "/part-" + index + ".csv";
        return new PlannedShard(CATALOG.table(table), DataFormat.CSV, new ShardFile(path, 10, bytes, "0".repeat(64)), index, Path.of(path));
    }

    private static List<String> describe(List<CopyUnit> units)
    {
        List<String> described = new ArrayList<>();
        for (CopyUnit unit : units) {
            described.add((unit.wholeTable() ? "whole " : "shard ") + unit.table().name() + " " + unit.shards().stream().map(PlannedShard::index).toList());
        }
        return described;
    }

    /** organizations (1 shard, 10 bytes), campaigns (2 shards, 300), events (3 shards, 600): 910 bytes in all. */
    private static List<PlannedShard> pending()
    {
        return List.of(shard("organizations", 0, 10), shard("campaigns", 0, 150), shard("campaigns", 1, 150),
                shard("events", 0, 200), shard("events", 1, 200), shard("events", 2, 200));
    }

    private static final Map<String, Integer> SHARDS = Map.of("organizations", 1, "campaigns", 2, "events", 3);

    @Test
    void bareCompleteTablesGoWholeLargestFirst()
    {
        assertThat(describe(CopyUnit.plan(pending(), Set.of("organizations", "campaigns", "events"), SHARDS, 1)))
                .containsExactly("whole events [0, 1, 2]", "whole campaigns [0, 1]", "whole organizations [0]");
    }

    @Test
    void aTableAboveAWorkersShareGoesShardByShardAfterTheWholeTables()
    {
        // 910 / 2 = 455 bytes a worker: events (600) goes shard by shard, in parallel
        assertThat(describe(CopyUnit.plan(pending(), Set.of("organizations", "campaigns", "events"), SHARDS, 2)))
                .containsExactly("whole campaigns [0, 1]", "whole organizations [0]", "shard events [0]", "shard events [1]", "shard events [2]");
    }

    @Test
    void tablesWithKeysOrLoadedShardsGoShardByShardInThePlansOrder()
    {
        // campaigns has keys (not bare); events had a shard loaded by an earlier run
        List<PlannedShard> pending = new ArrayList<>(pending());
        pending.remove(3);
        assertThat(describe(CopyUnit.plan(pending, Set.of("organizations", "events"), SHARDS, 1)))
                .containsExactly("whole organizations [0]", "shard campaigns [0]", "shard campaigns [1]", "shard events [1]", "shard events [2]");
    }
}
