package dev.simdata.generate;

import dev.simdata.random.Uuids;
import dev.simdata.schema.Row;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;

import static java.util.Objects.requireNonNull;

/**
 * Base of the generators: one table of {@code schemas/} backed by a {@link Platform}.
 */
abstract class GeneratedTable
        implements TableSource
{
    final Platform platform;
    final TableSchema schema;
    final long salt;

    GeneratedTable(Platform platform, Table table)
    {
        this.platform = requireNonNull(platform, "platform is null");
        this.schema = SchemaCatalog.bundled().table(table.schemaName);
        this.salt = platform.tableSalt(table);
    }

    @Override
    public TableSchema schema()
    {
        return schema;
    }

    @Override
    public boolean oneRowPerUnit()
    {
        return true;
    }

    /** The index of {@code column} in this table's schema; fails when building the generator if the table lacks it. */
    int column(Column column)
    {
        return schema.columnIndex(column.schemaName);
    }

    /** Sets {@code column} to the identifier of row {@code key} of the table named by {@code tableSalt}. */
    static Row setId(Row row, int column, long tableSalt, long key)
    {
        return row.setUuid(column, Uuids.high(tableSalt, key), Uuids.low(tableSalt, key));
    }

    /** A cursor for tables whose units are their rows. */
    abstract static class OneRowCursor
            implements Cursor
    {
        @Override
        public final int rowsIn(long unit)
        {
            return 1;
        }
    }

    /** A uniformly drawn instant between two epoch seconds, [from, to). */
    static long between(dev.simdata.random.RowRandom random, long from, long to)
    {
        return to <= from ? from : from + random.nextLong(to - from);
    }
}
