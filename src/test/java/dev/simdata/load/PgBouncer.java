package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package) on a free loopback port in front of a PostgreSQL server, with
 * SCRAM authentication for one user: {@link #start} installs the package when it is missing and the tests run as
 * root (as CI does), and runs PgBouncer as {@code postgres} when run as root (PgBouncer refuses root). Without
 * pgbouncer and without a way to install it, the calling test is skipped, loudly; on CI ({@code CI} set) it fails.
 */
final class PgBouncer
        implements AutoCloseable
{
    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));
    private static Path binary;

    private final Process process;
    private final Path folder;
    private final int port;
    private final String user;
    private final String password;

    private PgBouncer(Process process, Path folder, int port, String user, String password)
    {
        this.process = requireNonNull(process, "process is null");
        this.folder = requireNonNull(folder, "folder is null");
        this.port = port;
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    /**
     * Starts PgBouncer in {@code poolMode} ({@code session} or {@code transaction}) in front of database
     * {@code postgres} on {@code serverPort}, where {@code user} must be able to log in without a password from
     * 127.0.0.1; clients log in to PgBouncer as {@code user} with {@code password}.
     */
    static PgBouncer start(int serverPort, String poolMode, int poolSize, int maxClientConnections, String user, String password)
            throws IOException, InterruptedException
    {
        Path executable = binary();
        boolean root = isRoot();
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "simdata-pgbouncer-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        Files.writeString(folder.resolve("userlist.txt"), "\"" + user + "\" \"" + password + "\"\n");
        Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "postgres = host=127.0.0.1 port=" + serverPort + " dbname=postgres",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = scram-sha-256",
                "auth_file = " + folder.resolve("userlist.txt"),
                "pool_mode = " + poolMode,
                "default_pool_size = " + poolSize,
                "min_pool_size = 0",
                "reserve_pool_size = 0",
                "max_client_conn = " + maxClientConnections,
                // pgjdbc sends extra_float_digits at startup; every PgBouncer in front of JDBC clients lists it
                "ignore_startup_parameters = extra_float_digits",
                "server_reset_query = DISCARD ALL",
                "query_wait_timeout = 120",
                "logfile = " + folder.resolve("pgbouncer.log"),
                "pidfile = " + folder.resolve("pgbouncer.pid"),
                ""));
        if (root) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, users.lookupPrincipalByName("postgres"));
                }
            }
            Files.setOwner(folder, users.lookupPrincipalByName("postgres"));
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.add(executable.toString());
        command.add(folder.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("stdout.log").toFile())
                .start();
        PgBouncer bouncer = new PgBouncer(process, folder, port, user, password);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = bouncer.log();
                bouncer.close();
                throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ": " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return bouncer;
            }
            catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        bouncer.close();
        throw new IllegalStateException("pgbouncer did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    int port()
    {
        return port;
    }

    /** The target as a client sees it: PgBouncer's port, with the password. */
    ConnectionTarget target()
    {
        return new ConnectionTarget("127.0.0.1", port, "postgres", user, password, Map.of("sslmode", "disable"));
    }

    /** The URL of {@link #target()}, password included, as a user passes it to --url. */
    String url()
    {
        return "postgres://" + user + ":" + password + "@127.0.0.1:" + port + "/postgres?sslmode=disable";
    }

    String log()
            throws IOException
    {
        Path log = folder.resolve("pgbouncer.log");
        Path stdout = folder.resolve("stdout.log");
        return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(stdout) ? Files.readString(stdout) : "");
    }

    @Override
    public void close()
            throws IOException, InterruptedException
    {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The pgbouncer executable, installed with apt-get when missing and possible; skips (or fails on CI) otherwise. */
    private static synchronized Path binary()
            throws IOException, InterruptedException
    {
        if (binary != null) {
            return binary;
        }
        Path found = find();
        if (found == null && isRoot()) {
            install();
            found = find();
        }
        if (found == null) {
            String message = "pgbouncer is not installed and cannot be installed here (apt-get install pgbouncer needs root); "
                    + "the PgBouncer tests of the loader DID NOT RUN";
            System.err.println("*** " + message + " ***");
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + "; on CI they must: install pgbouncer in .ci/run");
            }
            Assumptions.abort(message);
        }
        binary = found;
        return found;
    }

    private static Path find()
    {
        for (Path candidate : BINARIES) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void install()
            throws IOException, InterruptedException
    {
        System.err.println("pgbouncer is missing: installing Debian's pgbouncer package with apt-get");
        for (List<String> command : List.of(List.of("apt-get", "update", "-qq"), List.of("apt-get", "install", "-y", "-qq", "pgbouncer"))) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return;
            }
        }
    }

    private static boolean isRoot()
    {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
