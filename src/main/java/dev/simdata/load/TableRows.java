package dev.simdata.load;

import static java.util.Objects.requireNonNull;

/** A table and how many rows it holds, e.g. what {@link LoadMode#REPLACE} is about to delete. */
public record TableRows(String table, long rows)
{
    public TableRows
    {
        requireNonNull(table, "table is null");
    }
}
