package dev.simdata.spark;

import dev.simdata.dataset.ShardCursor;
import dev.simdata.random.Uuids;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayDeque;

/**
 * Reads one shard in an executor: the table's rows produced unit by unit, converted to Spark's internal values
 * (text as UTF-8, decimals from their unscaled long, dates as epoch days, timestamps as microseconds).
 */
final class ShardReaders
        implements PartitionReaderFactory
{
    private static final long serialVersionUID = 1L;

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition)
    {
        SimdataTable.Shard shard = (SimdataTable.Shard) partition;
        TableSource source = ShardTasks.sources(shard.args()).get(shard.table());
        return new Reader(source.schema(), new ShardCursor(source, shard.spec()));
    }

    private static final class Reader
            implements PartitionReader<InternalRow>
    {
        private final ShardCursor cursor;
        private final FieldType[] types;
        private final int[] precisions;
        private final int[] scales;
        private final ArrayDeque<InternalRow> buffered = new ArrayDeque<>();
        private final byte[] uuid = new byte[36];
        private InternalRow current;

        Reader(TableSchema schema, ShardCursor cursor)
        {
            this.cursor = cursor;
            int columns = schema.columnCount();
            this.types = new FieldType[columns];
            this.precisions = new int[columns];
            this.scales = new int[columns];
            for (int i = 0; i < columns; i++) {
                Field field = schema.field(i);
                types[i] = field.type();
                precisions[i] = field.precision();
                scales[i] = field.scale();
            }
        }

        @Override
        public boolean next()
        {
            while (buffered.isEmpty()) {
                if (!cursor.next(row -> buffered.add(convert(row)))) {
                    return false;
                }
            }
            current = buffered.poll();
            return true;
        }

        @Override
        public InternalRow get()
        {
            return current;
        }

        @Override
        public void close()
        {
            buffered.clear();
        }

        private InternalRow convert(Row row)
        {
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (row.isNull(i)) {
                    continue;
                }
                long value = row.longValue(i);
                values[i] = switch (types[i]) {
                    case UUID -> {
                        Uuids.format(row.uuidHigh(i), row.uuidLow(i), uuid, 0);
                        yield UTF8String.fromBytes(uuid.clone());
                    }
                    case STRING -> UTF8String.fromString(row.string(i).toString());
                    case INTEGER -> value;
                    case DECIMAL -> Decimal.apply(value, precisions[i], scales[i]);
                    case BOOLEAN -> value != 0;
                    case DATE -> (int) value;
                    case DATETIME -> value * 1_000_000L;
                };
            }
            return new GenericInternalRow(values);
        }
    }
}
