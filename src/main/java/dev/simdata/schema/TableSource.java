package dev.simdata.schema;

/**
 * Produces one table's rows, unit by unit, as a pure function of the unit index. A unit is one parent row (a
 * recipient for events) or one row (for tables without a variable-count parent), so any range of units can be
 * produced on its own, in any order, on any thread, with the same result.
 */
public interface TableSource
{
    TableSchema schema();

    /** How many units the table has. */
    long unitCount();

    /** True when every unit yields exactly one row, so rows can be counted without producing them. */
    boolean oneRowPerUnit();

    /** The expected row count, from the scenario's arithmetic alone (no rows are produced): exact when one row per unit. */
    default long estimatedRows()
    {
        return unitCount();
    }

    /** A new cursor with its own buffers, for use by one thread. */
    Cursor open();

    interface Cursor
    {
        /** How many rows {@link #emit} would produce for this unit; cheaper than producing them. */
        int rowsIn(long unit);

        /** Produces the unit's rows, in their fixed order. */
        void emit(long unit, RowSink sink);
    }
}
