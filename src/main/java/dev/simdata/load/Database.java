package dev.simdata.load;

import dev.simdata.database.ConnectFailure;
import dev.simdata.database.ConnectionTarget;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Opens sessions to the target and runs every unit of work as one explicit transaction whose settings are
 * transaction-scoped ({@code set_config(…, true)}, i.e. {@code SET LOCAL}), so nothing outlives a transaction and a
 * pooler in transaction mode (PgBouncer, Supavisor on port 6543) may hand each transaction to another server
 * connection. The settings suit bulk loading on hosted servers: no statement timeout (a COPY can run for minutes),
 * a finite lock timeout (DDL gives up instead of queueing forever), and asynchronous commit (a shard and its ledger
 * row commit together, so a commit lost in a server crash is simply loaded again). The driver uses no server-side
 * prepared statements ({@code prepareThreshold=0}, see {@link ConnectionTarget#driverProperties()}).
 */
final class Database
{
    /** A unit of work run inside one transaction. */
    interface Work<T>
    {
        T run(Connection connection)
                throws SQLException;
    }

    private final ConnectionTarget target;
    private final Duration lockTimeout;
    private final String settings;

    Database(ConnectionTarget target, Duration lockTimeout)
    {
        this.target = requireNonNull(target, "target is null");
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
        this.settings = "SELECT set_config('statement_timeout', '0', true), set_config('lock_timeout', '" + Math.max(1, lockTimeout.toMillis())
                + "', true), set_config('synchronous_commit', 'off', true), set_config('client_min_messages', 'warning', true), "
                + "set_config('idle_in_transaction_session_timeout', '0', true)";
    }

    ConnectionTarget target()
    {
        return target;
    }

    Duration lockTimeout()
    {
        return lockTimeout;
    }

    /** A new session, not in auto-commit mode: run work on it with {@link #inTransaction}. */
    Connection open()
    {
        try {
            return connect();
        }
        catch (SQLException e) {
            throw new DatabaseException(ConnectFailure.message(target, e, ConnectFailure.Resolver.system()));
        }
    }

    /** {@link #open()}, with the driver's own failure. */
    Connection connect()
            throws SQLException
    {
        return connect(Duration.ZERO);
    }

    /**
     * {@link #connect()}, giving up on any read from the server (the login included) after {@code readTimeout} (zero:
     * never); clear it with {@link Connection#setNetworkTimeout} once the session is proven.
     */
    Connection connect(Duration readTimeout)
            throws SQLException
    {
        java.util.Properties properties = target.driverProperties();
        if (!readTimeout.isZero()) {
            properties.setProperty("socketTimeout", Long.toString(Math.max(1, readTimeout.toSeconds())));
        }
        // a server or network that goes away mid-COPY is noticed by the OS instead of hanging forever
        properties.putIfAbsent("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties);
        try {
            connection.setAutoCommit(false);
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Starts a transaction with the loader's settings, all scoped to it; the caller commits or rolls back. */
    void begin(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings);
        }
    }

    /** Runs {@code work} in one transaction (with {@link #begin}), committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Connection connection, Work<T> work)
            throws SQLException
    {
        return inTransaction(connection, null, work);
    }

    /**
     * {@link #inTransaction(Connection, Work)}, running {@code moreSettings} (a statement of {@code set_config(…, true)}
     * calls, or null) right after the loader's settings.
     */
    <T> T inTransaction(Connection connection, String moreSettings, Work<T> work)
            throws SQLException
    {
        try {
            begin(connection);
            if (moreSettings != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(moreSettings);
                }
            }
            T result = work.run(connection);
            connection.commit();
            return result;
        }
        catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    DatabaseException failure(String what, SQLException e)
    {
        String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
        return new DatabaseException(what + " on " + target.display() + ": " + target.redact(e.getMessage()) + state);
    }

    static void rollbackQuietly(Connection connection, Throwable failure)
    {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        }
        catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static void closeQuietly(Connection connection)
    {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // nothing to do
        }
    }
}
