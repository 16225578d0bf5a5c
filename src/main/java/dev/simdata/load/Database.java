package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Opens sessions to the target, each set up for bulk loading on hosted servers: no statement timeout (a COPY can
 * run for minutes), a finite lock timeout (DDL gives up instead of queueing forever), and asynchronous commit (a
 * shard and its ledger row commit together, so a commit lost in a server crash is simply loaded again).
 */
final class Database
{
    private final ConnectionTarget target;
    private final Duration lockTimeout;

    Database(ConnectionTarget target, Duration lockTimeout)
    {
        this.target = requireNonNull(target, "target is null");
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
    }

    ConnectionTarget target()
    {
        return target;
    }

    Connection open()
    {
        Connection connection;
        try {
            java.util.Properties properties = target.driverProperties();
            // a server or network that goes away mid-COPY is noticed by the OS instead of hanging forever
            properties.putIfAbsent("tcpKeepAlive", "true");
            connection = DriverManager.getConnection(target.jdbcUrl(), properties);
        }
        catch (SQLException e) {
            throw new DatabaseException("cannot connect to " + target.display() + ": " + target.redact(e.getMessage())
                    + " (check the URL, that the server runs, and the password in the URL, PGPASSWORD or ~/.pgpass)");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 0");
            statement.execute("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
            statement.execute("SET synchronous_commit = off");
            statement.execute("SET client_min_messages = warning");
            return connection;
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw failure("cannot set up a session", e);
        }
    }

    DatabaseException failure(String what, SQLException e)
    {
        String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
        return new DatabaseException(what + " on " + target.display() + ": " + target.redact(e.getMessage()) + state);
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
