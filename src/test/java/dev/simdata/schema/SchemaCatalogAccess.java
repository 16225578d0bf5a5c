package dev.simdata.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Lets tests in other packages parse a table definition. */
public final class SchemaCatalogAccess
{
    private SchemaCatalogAccess() {}

    public static TableSchema parse(String name, JsonNode definition)
    {
        return SchemaCatalog.parseTable(name, definition);
    }
}
