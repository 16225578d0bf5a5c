package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One embedded PostgreSQL per test JVM, and a test-only loader: tables from {@link PostgresDdl#createTable}, CSV shards
 * through {@code COPY … FROM STDIN (FORMAT csv, HEADER)}. (The real loader lives elsewhere.)
 */
final class PostgresFixture
{
    private static EmbeddedPostgres postgres;

    private PostgresFixture() {}

    static synchronized String url()
    {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException e) {
                    // shutting down anyway
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Loads a dataset's CSV shards into a fresh schema, with primary keys (no foreign keys). */
    static void load(Path dataset, String schema)
            throws SQLException, IOException
    {
        Manifest manifest = Manifest.read(dataset);
        try (Connection connection = DriverManager.getConnection(url())) {
            execute(connection, "DROP SCHEMA IF EXISTS " + PostgresDdl.quote(schema) + " CASCADE");
            execute(connection, "CREATE SCHEMA " + PostgresDdl.quote(schema));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (TableSchema table : SchemaCatalog.bundled().tables()) {
                TableFiles files = manifest.files(table.name(), DataFormat.CSV).orElse(null);
                if (files == null) {
                    continue;
                }
                execute(connection, PostgresDdl.createTable(schema, table));
                for (ShardFile shard : files.shards()) {
                    CopyIn in = copy.copyIn("COPY " + PostgresDdl.qualified(schema, table.name()) + " FROM STDIN (FORMAT csv, HEADER)");
                    try (InputStream stream = Files.newInputStream(dataset.resolve(shard.path()))) {
                        byte[] buffer = new byte[1 << 16];
                        for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                            in.writeToCopy(buffer, 0, read);
                        }
                        assertThat(in.endCopy()).isEqualTo(shard.rows());
                    }
                    finally {
                        if (in.isActive()) {
                            in.cancelCopy();
                        }
                    }
                }
                execute(connection, PostgresDdl.primaryKey(schema, table));
                for (String index : PostgresDdl.foreignKeyIndexes(schema, table)) {
                    execute(connection, index);
                }
            }
            execute(connection, "ANALYZE");
        }
    }

    static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
