package dev.simdata.schema;

/**
 * Receives rows from a producer. The row is only valid during the call.
 */
@FunctionalInterface
public interface RowSink
{
    void accept(Row row);
}
