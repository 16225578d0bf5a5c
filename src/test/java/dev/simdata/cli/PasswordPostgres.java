package dev.simdata.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL that asks a password (SCRAM) of every role but its superuser, with role {@code loader}
 * owning the given databases: the CLI tests check that a password never shows in what simdata prints.
 */
final class PasswordPostgres
{
    static final String ROLE = "loader";

    private PasswordPostgres() {}

    static EmbeddedPostgres start(Path folder, String password, String... databases)
            throws IOException, SQLException
    {
        Path hba = Files.writeString(folder.resolve("pg_hba.conf"), String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                ""));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            for (String database : databases) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
            }
        }
        return postgres;
    }
}
