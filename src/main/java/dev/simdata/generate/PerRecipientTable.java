package dev.simdata.generate;

import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * Base of the tables whose unit is the recipient: each unit recomputes the recipient's journey and yields the rows
 * it implies (its audit trail, its calls, its gift card…), so any range of recipients can be produced on its own.
 */
abstract class PerRecipientTable
        extends GeneratedTable
{
    final long recipientSalt;
    final long campaignSalt;

    PerRecipientTable(Platform platform, Table table)
    {
        super(platform, table);
        this.recipientSalt = platform.tableSalt(Table.RECIPIENTS);
        this.campaignSalt = platform.tableSalt(Table.CAMPAIGNS);
    }

    @Override
    public long unitCount()
    {
        return platform.recipientCount();
    }

    @Override
    public boolean oneRowPerUnit()
    {
        return false;
    }

    /** The expected rows per recipient, from the rates alone. */
    abstract double expectedRowsPerRecipient();

    @Override
    public long estimatedRows()
    {
        return Math.round(unitCount() * expectedRowsPerRecipient());
    }

    /** A cursor over recipients: subclasses count rows from the journey's outcome and emit them from the full journey. */
    abstract class RecipientRows
            implements Cursor
    {
        final Row row = new Row(schema);
        final RecipientCursor cursor = new RecipientCursor(platform);
        /** The recipient's position in its campaign, during {@link #emit(long, Journey, CampaignFacts, RowSink)}. */
        int position;

        @Override
        public int rowsIn(long unit)
        {
            cursor.outcomeOf(unit);
            return rowsIn(cursor.journey, cursor.campaign);
        }

        @Override
        public void emit(long unit, RowSink sink)
        {
            position = cursor.moveTo(unit);
            cursor.journeyOf(unit);
            emit(unit, cursor.journey, cursor.campaign, sink);
        }

        /** The rows of a recipient, from its outcome (flags and status; times are not set). */
        abstract int rowsIn(Journey journey, CampaignFacts campaign);

        abstract void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink);
    }
}
