package dev.simdata.generate;

/**
 * Base of the tables whose unit is the campaign, with a few rows per campaign (its conditions, its tracked numbers).
 */
abstract class PerCampaignTable
        extends GeneratedTable
{
    final long campaignSalt;

    PerCampaignTable(Platform platform, Table table)
    {
        super(platform, table);
        this.campaignSalt = platform.tableSalt(Table.CAMPAIGNS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.campaigns();
    }

    @Override
    public boolean oneRowPerUnit()
    {
        return false;
    }

    /** The expected rows per campaign. */
    abstract double expectedRowsPerCampaign();

    @Override
    public long estimatedRows()
    {
        return Math.round(unitCount() * expectedRowsPerCampaign());
    }
}
