package dev.simdata.load;

import dev.simdata.schema.TableSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What one transaction of the COPY phase loads: one shard, or every shard of one table ({@code wholeTable}). A whole
 * table that is empty is copied {@code FREEZE} ({@link ShardCopier}): its rows arrive frozen and visible, so the key
 * builds and validations that read it next do not first set hint bits on every row and write every page again
 * (measured on load_test, with the merge validations it allows: the keys took about a quarter less server time, see
 * docs/loading.md).
 */
record CopyUnit(List<PlannedShard> shards, boolean wholeTable)
{
    CopyUnit
    {
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a copy unit needs a shard");
        }
    }

    TableSchema table()
    {
        return shards.get(0).table();
    }

    long bytes()
    {
        return shards.stream().mapToLong(shard -> shard.shard().bytes()).sum();
    }

    /**
     * The units that load {@code pending} over {@code workers} sessions. A table of {@code bareTables} (no index, no
     * trigger, no row security: nothing depends on it yet) whose every shard is pending goes whole, unless it holds
     * more than a worker's share of the bytes: such a table goes shard by shard, in parallel. Whole tables come first,
     * largest first, so the workers finish together; then the single shards in the plan's order (parents first), which
     * matters when keys already exist.
     */
    static List<CopyUnit> plan(List<PlannedShard> pending, Set<String> bareTables, Map<String, Integer> tableShards, int workers)
    {
        requireNonNull(bareTables, "bareTables is null");
        Map<String, List<PlannedShard>> byTable = new LinkedHashMap<>();
        long total = 0;
        for (PlannedShard shard : pending) {
            byTable.computeIfAbsent(shard.table().name(), key -> new ArrayList<>()).add(shard);
            total += shard.shard().bytes();
        }
        long share = total / Math.max(1, workers);
        List<CopyUnit> whole = new ArrayList<>();
        List<CopyUnit> single = new ArrayList<>();
        for (Map.Entry<String, List<PlannedShard>> entry : byTable.entrySet()) {
            CopyUnit table = new CopyUnit(entry.getValue(), true);
            boolean complete = entry.getValue().size() == tableShards.getOrDefault(entry.getKey(), -1);
            if (complete && bareTables.contains(entry.getKey()) && table.bytes() <= share) {
                whole.add(table);
            }
            else {
                entry.getValue().forEach(shard -> single.add(new CopyUnit(List.of(shard), false)));
            }
        }
        whole.sort(Comparator.comparingLong(CopyUnit::bytes).reversed());
        List<CopyUnit> units = new ArrayList<>(whole);
        units.addAll(single);
        return units;
    }
}
