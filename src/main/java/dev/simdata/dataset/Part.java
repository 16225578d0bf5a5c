package dev.simdata.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part {@code k} of {@code n} (1-based): a share of a dataset's shards, chosen by rows so that every part writes about
 * the same number of rows. The choice depends only on the shard plan, so every machine computes the same split.
 */
public record Part(int k, int n)
{
    public static final Part WHOLE = new Part(1, 1);
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Part
    {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("a part is K/N with 1 <= K <= N, got " + k + "/" + n);
        }
    }

    /** Parses {@code K/N}; empty when the text is not of that form or K is out of range. */
    public static Optional<Part> parse(String text)
    {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int k = Integer.parseInt(matcher.group(1));
        int n = Integer.parseInt(matcher.group(2));
        return n >= 1 && k >= 1 && k <= n ? Optional.of(new Part(k, n)) : Optional.empty();
    }

    public boolean whole()
    {
        return n == 1;
    }

    /** One shard of one table, identified for the split. */
    public record Slot(String table, int shard, long rows) {}

    /**
     * Assigns every shard to a part (0-based in the result): largest shards first, each to the part with the fewest
     * rows so far (the lowest part on a tie). Ties between shards break on table order, then shard index.
     *
     * @param plans each table's shards, in the dataset's table order
     */
    public static int[][] assign(Map<String, List<ShardSpec>> plans, int parts)
    {
        List<Slot> slots = new ArrayList<>();
        List<String> tables = new ArrayList<>(plans.keySet());
        int[][] owner = new int[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            List<ShardSpec> shards = plans.get(tables.get(t));
            owner[t] = new int[shards.size()];
            for (ShardSpec shard : shards) {
                slots.add(new Slot(tables.get(t), shard.index(), shard.rows()));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> slots.get(i).rows()).reversed().thenComparingInt(i -> i));
        long[] load = new long[parts];
        for (int i : order) {
            int best = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[best]) {
                    best = p;
                }
            }
            Slot slot = slots.get(i);
            load[best] += slot.rows();
            owner[tables.indexOf(slot.table())][slot.shard()] = best;
        }
        return owner;
    }

    @Override
    public String toString()
    {
        return k + "/" + n;
    }
}
