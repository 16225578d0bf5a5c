package dev.simdata.load;

import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Loads a {@link CopyUnit} (a shard, or a whole table) in one transaction: COPY FROM STDIN while hashing each file,
 * then checks its SHA-256 and row count against the manifest, records the shards in the ledger and commits. Any
 * failure rolls the whole unit back.
 */
final class ShardCopier
{
    private static final int BUFFER_SIZE = 1 << 16;

    private final String schema;
    private final String datasetId;
    private final Ledger ledger;
    private final CopyFormat copyFormat;
    private final AtomicLong bytesSent = new AtomicLong();
    private final Database database;
    private final LoadLease lease;
    private final Runnable heartbeat;

    /** {@code heartbeat} runs whenever COPY data moves (every buffer sent or read). */
    ShardCopier(Database database, LoadLease lease, String schema, String datasetId, Ledger ledger, CopyFormat copyFormat, Runnable heartbeat)
    {
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.database = requireNonNull(database, "database is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.datasetId = requireNonNull(datasetId, "datasetId is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.copyFormat = requireNonNull(copyFormat, "copyFormat is null");
    }

    /** The COPY data sent to the server so far, in bytes, by every shard this copier loaded (committed or not). */
    long bytesSent()
    {
        return bytesSent.get();
    }

    /**
     * Loads and commits {@code unit} in one transaction: the loader's settings, the lease held ({@link LoadLease#fence}),
     * the ledger rows claimed, the rows copied and checked, shard after shard ({@code starting} is told which). A whole
     * table found empty is truncated first ({@link #truncateIfEmpty}) and copied {@code FREEZE}. The connection must not
     * be in auto-commit mode. Returns the rows loaded, or -1 when another load had already loaded one of the shards
     * (nothing is sent then).
     */
    long load(Connection connection, CopyUnit unit, Consumer<PlannedShard> starting)
            throws SQLException, IOException
    {
        try {
            database.begin(connection);
            lease.fence(connection);
            for (PlannedShard shard : unit.shards()) {
                if (!ledger.claim(connection, datasetId, shard)) {
                    connection.rollback();
                    return -1;
                }
            }
            boolean freeze = unit.wholeTable() && truncateIfEmpty(connection, unit.table());
            long rows = 0;
            for (PlannedShard shard : unit.shards()) {
                starting.accept(shard);
                long copied = shard.format() == DataFormat.CSV ? copyCsv(connection, shard, freeze) : copyParquet(connection, shard, freeze);
                if (copied != shard.shard().rows()) {
                    throw new LoadException(shard.file() + ": COPY loaded " + copied + " rows but the manifest says " + shard.shard().rows()
                            + "; the shard was rolled back, regenerate or re-download the dataset");
                }
                rows += copied;
            }
            connection.commit();
            return rows;
        }
        catch (SQLException | IOException | RuntimeException | Error e) {
            Database.rollbackQuietly(connection, e);
            throw e;
        }
    }

    /**
     * Truncates {@code table} when, locked, it holds no row and nothing depends on it (no trigger, so no foreign key,
     * and no row security, which could hide rows from this check), so that COPY may write its rows frozen: PostgreSQL
     * allows {@code FREEZE} only into a table created or truncated in the same transaction. Truncating an empty table
     * deletes nothing. Returns whether it did.
     */
    private boolean truncateIfEmpty(Connection connection, TableSchema table)
            throws SQLException
    {
        String name = PostgresDdl.qualified(schema, table.name());
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + name + " IN ACCESS EXCLUSIVE MODE");
            try (ResultSet result = statement.executeQuery("SELECT NOT EXISTS (SELECT FROM " + name + ") AND NOT c.relhastriggers AND NOT c.relrowsecurity "
                    + "FROM pg_class c WHERE c.oid = " + PostgresDdl.regclass(schema, table.name()))) {
                if (!result.next() || !result.getBoolean(1)) {
                    return false;
                }
            }
            statement.execute("TRUNCATE " + name);
            return true;
        }
    }

    static String copySql(String schema, TableSchema table, CopyFormat format, boolean freeze)
    {
        StringBuilder sql = new StringBuilder("COPY ").append(PostgresDdl.qualified(schema, table.name())).append(" (");
        for (int i = 0; i < table.columnCount(); i++) {
            sql.append(i == 0 ? "" : ", ").append(PostgresDdl.quote(table.field(i).name()));
        }
        return sql.append(") FROM STDIN (FORMAT ").append(format == CopyFormat.BINARY ? "binary" : "csv").append(freeze ? ", FREEZE)" : ")").toString();
    }

    private long copyCsv(Connection connection, PlannedShard shard, boolean freeze)
            throws SQLException, IOException
    {
        checkSize(shard);
        MessageDigest digest = Checksums.sha256();
        CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        try (InputStream file = Files.newInputStream(shard.file());
                DigestInputStream in = new DigestInputStream(file, digest)) {
            byte[] expectedHeader = (shard.table().csvHeader() + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] header = in.readNBytes(expectedHeader.length);
            if (!Arrays.equals(header, expectedHeader)) {
                drain(in);
                checkDigest(shard, digest);
                throw new LoadException(shard.file() + ": the header line does not match table " + shard.table().name()
                        + " in schemas/ (expected " + shard.table().csvHeader() + "); regenerate the dataset with this version");
            }
            long rows;
            try {
                if (copyFormat == CopyFormat.BINARY) {
                    rows = copyCsvAsBinary(copyManager, shard, in, freeze);
                }
                else {
                    rows = copyManager.copyIn(copySql(schema, shard.table(), CopyFormat.TEXT, freeze), beating(in), BUFFER_SIZE);
                    bytesSent.addAndGet(shard.shard().bytes() - expectedHeader.length);
                }
            }
            catch (SQLException | LoadException e) {
                // a damaged file usually fails COPY before the end: report the checksum, the real cause, first
                drainQuietly(in);
                checkDigest(shard, digest);
                throw e;
            }
            checkDigest(shard, digest);
            return rows;
        }
    }

    private long copyCsvAsBinary(CopyManager copyManager, PlannedShard shard, InputStream in, boolean freeze)
            throws SQLException, IOException
    {
        CopyIn copyIn = copyManager.copyIn(copySql(schema, shard.table(), CopyFormat.BINARY, freeze));
        try {
            BinaryCopyWriter writer = new BinaryCopyWriter(new ServerStream(new PGCopyOutputStream(copyIn, BUFFER_SIZE), heartbeat), BUFFER_SIZE);
            writer.begin();
            long sent = new CsvToBinary(shard.file(), shard.table(), in).copy(writer);
            bytesSent.addAndGet(writer.end());
            return checkCopied(shard, sent, copyIn.endCopy());
        }
        finally {
            cancelIfActive(copyIn);
        }
    }

    private static long checkCopied(PlannedShard shard, long sent, long copied)
    {
        if (copied != sent) {
            throw new LoadException(shard.file() + ": sent " + sent + " rows but COPY reports " + copied);
        }
        return copied;
    }

    private static void cancelIfActive(CopyIn copyIn)
    {
        if (copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            }
            catch (SQLException ignored) {
                // the connection is being rolled back or is gone
            }
        }
    }

    private long copyParquet(Connection connection, PlannedShard shard, boolean freeze)
            throws SQLException, IOException
    {
        checkSize(shard);
        // Parquet is read by seeking (footer first), so the file is hashed before its rows are sent
        String actual = Checksums.sha256(shard.file());
        if (!actual.equals(shard.shard().sha256())) {
            throw checksumMismatch(shard, actual);
        }
        CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn copyIn = copyManager.copyIn(copySql(schema, shard.table(), copyFormat, freeze));
        try {
            ServerStream counted = new ServerStream(new PGCopyOutputStream(copyIn, BUFFER_SIZE), heartbeat);
            long sent;
            if (copyFormat == CopyFormat.BINARY) {
                BinaryCopyWriter writer = new BinaryCopyWriter(counted, BUFFER_SIZE);
                writer.begin();
                sent = ParquetRows.writeBinary(shard.file(), shard.table(), writer);
                writer.end();
            }
            else {
                Writer writer = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), BUFFER_SIZE);
                sent = ParquetRows.writeCsv(shard.file(), shard.table(), writer);
                writer.flush();
            }
            bytesSent.addAndGet(counted.count());
            return checkCopied(shard, sent, copyIn.endCopy());
        }
        finally {
            cancelIfActive(copyIn);
        }
    }

    /**
     * The COPY data on its way to the server. pgjdbc reports a lost connection or a server error while sending as an
     * IOException; this stream turns it into {@link ServerSendException}, so that it is not mistaken for the file
     * failing to read. Also counts the bytes sent.
     */
    private static final class ServerStream
            extends java.io.FilterOutputStream
    {
        private final Runnable heartbeat;
        private long count;

        ServerStream(java.io.OutputStream out, Runnable heartbeat)
        {
            super(out);
            this.heartbeat = heartbeat;
        }

        @Override
        public void write(int b)
                throws IOException
        {
            try {
                out.write(b);
            }
            catch (IOException e) {
                throw new ServerSendException(e);
            }
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length)
                throws IOException
        {
            try {
                out.write(bytes, offset, length);
            }
            catch (IOException e) {
                throw new ServerSendException(e);
            }
            count += length;
            heartbeat.run();
        }

        @Override
        public void flush()
                throws IOException
        {
            try {
                out.flush();
            }
            catch (IOException e) {
                throw new ServerSendException(e);
            }
        }

        long count()
        {
            return count;
        }
    }

    /** Sending COPY data to the server failed: the connection or the server, never the dataset's file. */
    static final class ServerSendException
            extends IOException
    {
        ServerSendException(IOException e)
        {
            super(e.getMessage(), e);
        }

        /** The server's or the driver's own error, with its SQLSTATE where it has one. */
        SQLException sqlCause()
        {
            for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    return sql;
                }
            }
            return new SQLException(getMessage(), "08006", this);
        }
    }

    /** The file as COPY reads it: the server takes each buffer before the next is read, so a read is progress. */
    private InputStream beating(InputStream in)
    {
        return new java.io.FilterInputStream(in)
        {
            @Override
            public int read(byte[] bytes, int offset, int length)
                    throws IOException
            {
                heartbeat.run();
                return super.read(bytes, offset, length);
            }
        };
    }

    private static void checkSize(PlannedShard shard)
            throws IOException
    {
        long size = Files.size(shard.file());
        if (size != shard.shard().bytes()) {
            throw new LoadException(shard.file() + " has " + size + " bytes but the manifest says " + shard.shard().bytes()
                    + "; the file was changed or truncated, re-download or regenerate the dataset");
        }
    }

    private static void checkDigest(PlannedShard shard, MessageDigest digest)
    {
        String actual = Checksums.hex(digest.digest());
        if (!actual.equals(shard.shard().sha256())) {
            throw checksumMismatch(shard, actual);
        }
    }

    private static LoadException checksumMismatch(PlannedShard shard, String actual)
    {
        return new LoadException(shard.file() + ": SHA-256 is " + actual + " but the manifest says " + shard.shard().sha256()
                + "; the file is damaged or was changed, so none of its rows were loaded; re-download or regenerate the dataset");
    }

    private static void drain(InputStream in)
            throws IOException
    {
        byte[] buffer = new byte[BUFFER_SIZE];
        while (in.read(buffer) >= 0) {
            // hashing only
        }
    }

    private static void drainQuietly(InputStream in)
    {
        try {
            drain(in);
        }
        catch (IOException ignored) {
            // the COPY failure is reported instead
        }
    }
}
