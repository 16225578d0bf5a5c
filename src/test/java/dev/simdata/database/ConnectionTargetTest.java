package dev.simdata.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTargetTest
{
    private static final String SECRET = "pa:ss@w/rd+%&x";
    private static final String ENCODED = "pa%3Ass%40w%2Frd%2B%25%26x";

    @TempDir
    Path temporary;

    @Test
    void parsesTheUrlSupabaseShows()
    {
        ConnectionTarget target = ConnectionTarget.resolve(
                "postgres://postgres.abcdefgh:" + ENCODED + "@aws-0-eu-central-1.pooler.supabase.com:5432/postgres?sslmode=require",
                null, Map.of(), null);
        assertThat(target.host()).isEqualTo("aws-0-eu-central-1.pooler.supabase.com");
        assertThat(target.port()).isEqualTo(5432);
        assertThat(target.database()).isEqualTo("postgres");
        assertThat(target.user()).isEqualTo("postgres.abcdefgh");
        assertThat(target.password()).isEqualTo(SECRET);
        assertThat(target.parameters()).containsEntry("sslmode", "require");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres");
        assertThat(target.toString()).doesNotContain(SECRET).doesNotContain(ENCODED);
        assertThat(target.display()).doesNotContain(SECRET).doesNotContain(ENCODED);
        assertThat(target.driverProperties().getProperty("password")).isEqualTo(SECRET);
    }

    @Test
    void parsesJdbcUrls()
    {
        ConnectionTarget target = ConnectionTarget.resolve("jdbc:postgresql://127.0.0.1:6000/app?user=loader&password=hunter22&ApplicationName=x",
                null, Map.of(), null);
        assertThat(target.host()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isEqualTo(6000);
        assertThat(target.database()).isEqualTo("app");
        assertThat(target.user()).isEqualTo("loader");
        assertThat(target.password()).isEqualTo("hunter22");
        assertThat(target.parameters()).containsEntry("sslmode", "prefer").doesNotContainKeys("user", "password");
        assertThat(target.jdbcUrl()).doesNotContain("hunter22");
    }

    @Test
    void remoteHostsDefaultToRequiredTls()
    {
        assertThat(ConnectionTarget.resolve("postgres://u@db.example.com/app", null, Map.of(), null).parameters()).containsEntry("sslmode", "require");
        assertThat(ConnectionTarget.resolve("postgres://u@localhost/app", null, Map.of(), null).parameters()).containsEntry("sslmode", "prefer");
        assertThat(ConnectionTarget.resolve("postgres://u@[::1]:5433/app", null, Map.of(), null).parameters()).containsEntry("sslmode", "prefer");
    }

    @Test
    void rootCertificateGivesVerifyFull()
            throws IOException
    {
        Path certificate = Files.writeString(temporary.resolve("root.crt"), "-----BEGIN CERTIFICATE-----\n");
        ConnectionTarget target = ConnectionTarget.resolve("postgres://u@db.example.com/app?sslmode=require", certificate, Map.of(), null);
        assertThat(target.parameters()).containsEntry("sslmode", "verify-full").containsEntry("sslrootcert", certificate.toAbsolutePath().toString());
        assertThatThrownBy(() -> ConnectionTarget.resolve("postgres://u@db.example.com/app", temporary.resolve("missing.crt"), Map.of(), null))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("--sslrootcert");
    }

    @Test
    void fallsBackToDatabaseUrlThenPgVariables()
    {
        assertThat(ConnectionTarget.resolve(null, null, Map.of("DATABASE_URL", "postgresql://a:b@h1:5433/d1", "PGHOST", "h2"), null).host()).isEqualTo("h1");
        ConnectionTarget target = ConnectionTarget.resolve(null, null,
                Map.of("PGHOST", "h2", "PGPORT", "5434", "PGDATABASE", "d2", "PGUSER", "u2", "PGPASSWORD", "p2", "PGSSLMODE", "verify-ca"), null);
        assertThat(target.host()).isEqualTo("h2");
        assertThat(target.port()).isEqualTo(5434);
        assertThat(target.database()).isEqualTo("d2");
        assertThat(target.user()).isEqualTo("u2");
        assertThat(target.password()).isEqualTo("p2");
        assertThat(target.parameters()).containsEntry("sslmode", "verify-ca");
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnoredLikeLibpqDoes()
            throws IOException
    {
        Path file = temporary.resolve("pgpass-shared");
        Files.writeString(file, "db.example.com:5432:*:u:secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConnectionTarget.resolve("postgres://u@db.example.com/app", null, Map.of("PGPASSFILE", file.toString()), temporary).password()).isNull();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ConnectionTarget.resolve("postgres://u@db.example.com/app", null, Map.of("PGPASSFILE", file.toString()), temporary).password()).isEqualTo("secret");
    }

    @Test
    void readsThePasswordFromPgpass()
            throws IOException
    {
        Files.writeString(temporary.resolve(".pgpass"), "# comment\nother:5432:*:u:wrong\ndb.example.com:5432:*:u:from\\:pgpass\n");
        Files.setPosixFilePermissions(temporary.resolve(".pgpass"), PosixFilePermissions.fromString("rw-------"));
        ConnectionTarget target = ConnectionTarget.resolve("postgres://u@db.example.com/app", null, Map.of(), temporary);
        assertThat(target.password()).isEqualTo("from:pgpass");
        assertThat(ConnectionTarget.resolve("postgres://u@db.example.com/app", null, Map.of("PGPASSWORD", "env"), temporary).password()).isEqualTo("env");
    }

    @Test
    void acceptsTheTransactionPoolerWithoutServerSidePreparedStatements()
    {
        ConnectionTarget target = ConnectionTarget.resolve("postgres://postgres.ref:" + ENCODED + "@aws-0-us-east-1.pooler.supabase.com:6543/postgres",
                null, Map.of(), null);
        assertThat(target.port()).isEqualTo(6543);
        assertThat(target.driverProperties().getProperty("prepareThreshold")).isEqualTo("0");
        assertThat(target.display()).doesNotContain(SECRET).doesNotContain(ENCODED);
        assertThat(ConnectionTarget.resolve("postgres://u@localhost/app?prepareThreshold=5", null, Map.of(), null).driverProperties().getProperty("prepareThreshold"))
                .as("a URL may still ask for them").isEqualTo("5");
    }

    @Test
    void refusesMalformedUrlsWithoutEchoingThem()
    {
        assertThatThrownBy(() -> ConnectionTarget.resolve("mysql://root:" + SECRET + "@h/db", null, Map.of(), null))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("--url")
                .message().doesNotContain(SECRET);
        assertThatThrownBy(() -> ConnectionTarget.resolve("postgres://root:" + ENCODED + "@h:port/db", null, Map.of(), null))
                .isInstanceOf(ConnectionException.class)
                .message().doesNotContain(SECRET).doesNotContain(ENCODED);
    }

    @Test
    void redactsThePasswordFromMessages()
    {
        ConnectionTarget target = ConnectionTarget.resolve("postgres://u:" + ENCODED + "@h/db", null, Map.of(), null);
        assertThat(target.redact("failed for " + SECRET + " and " + ENCODED)).doesNotContain(SECRET).doesNotContain(ENCODED);
    }
}
