package dev.simdata.database;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Where to load: a PostgreSQL server, database and role, and the password kept apart from everything printable.
 * {@link #toString()}, {@link #display()} and {@link #jdbcUrl()} never contain the password; it only goes into the
 * driver's {@link #driverProperties()}.
 *
 * @param password null when none was given (trust or peer authentication)
 * @param parameters driver parameters such as {@code sslmode}, never {@code user} or {@code password}
 */
public record ConnectionTarget(String host, int port, String database, String user, String password, Map<String, String> parameters)
{
    private static final String HIDDEN = "********";

    public ConnectionTarget
    {
        requireNonNull(host, "host is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        parameters = Map.copyOf(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        if (port <= 0 || port > 65535) {
            throw new ConnectionException("port " + port + " is out of range; expected 1-65535");
        }
    }

    /**
     * Works out the target the way libpq does: {@code url} when given (postgres://, postgresql:// or
     * jdbc:postgresql://), otherwise {@code DATABASE_URL}, otherwise the {@code PG*} variables. A missing password is
     * taken from {@code PGPASSWORD}, then from {@code PGPASSFILE} or {@code ~/.pgpass}. Hosts other than loopback
     * default to {@code sslmode=require}; a root certificate gives {@code verify-full}.
     *
     * @param url the --url option, or null
     * @param sslRootCertificate the --sslrootcert option, or null
     * @param environment the process environment (a parameter so tests can pass their own)
     * @param home the user's home folder, for ~/.pgpass, or null
     */
    public static ConnectionTarget resolve(String url, Path sslRootCertificate, Map<String, String> environment, Path home)
    {
        requireNonNull(environment, "environment is null");
        ConnectionTarget parsed;
        if (url != null && !url.isBlank()) {
            parsed = parseUrl(url, "--url");
        }
        else if (nonBlank(environment.get("DATABASE_URL"))) {
            parsed = parseUrl(environment.get("DATABASE_URL"), "DATABASE_URL");
        }
        else {
            parsed = fromEnvironment(environment);
        }
        String password = parsed.password;
        if (password == null && nonBlank(environment.get("PGPASSWORD"))) {
            password = environment.get("PGPASSWORD");
        }
        if (password == null) {
            Path passFile = nonBlank(environment.get("PGPASSFILE")) ? Path.of(environment.get("PGPASSFILE"))
                    : home == null ? null : home.resolve(".pgpass");
            password = PgPass.find(passFile, parsed.host, parsed.port, parsed.database, parsed.user).orElse(null);
        }
        Map<String, String> parameters = new LinkedHashMap<>(parsed.parameters);
        if (!parameters.containsKey("sslmode") && nonBlank(environment.get("PGSSLMODE"))) {
            parameters.put("sslmode", environment.get("PGSSLMODE"));
        }
        if (!parameters.containsKey("sslrootcert") && nonBlank(environment.get("PGSSLROOTCERT"))) {
            parameters.put("sslrootcert", environment.get("PGSSLROOTCERT"));
        }
        if (sslRootCertificate != null) {
            if (!Files.isReadable(sslRootCertificate)) {
                throw new ConnectionException("--sslrootcert " + sslRootCertificate + " is not a readable file; give the server's CA certificate in PEM form");
            }
            parameters.put("sslrootcert", sslRootCertificate.toAbsolutePath().toString());
            parameters.put("sslmode", "verify-full");
        }
        if (!parameters.containsKey("sslmode")) {
            parameters.put("sslmode", isLoopback(parsed.host) ? "prefer" : "require");
        }
        return new ConnectionTarget(parsed.host, parsed.port, parsed.database, parsed.user, password, parameters);
    }

    /** Parses a postgres://, postgresql:// or jdbc:postgresql:// URL; {@code source} names the flag or variable in errors. */
    public static ConnectionTarget parseUrl(String url, String source)
    {
        String rest = url.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = rest.substring("jdbc:postgresql://".length());
        }
        else if (lower.startsWith("postgresql://")) {
            rest = rest.substring("postgresql://".length());
        }
        else if (lower.startsWith("postgres://")) {
            rest = rest.substring("postgres://".length());
        }
        else {
            throw new ConnectionException(source + " is not a PostgreSQL URL; expected postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), source);
                password = decode(userInfo.substring(colon + 1), source);
            }
            else {
                user = decode(userInfo, source);
            }
        }
        String host = rest;
        int port = 5432;
        int portColon = rest.lastIndexOf(':');
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new ConnectionException(source + " has an unclosed [ in its host");
            }
            host = rest.substring(1, close);
            portColon = rest.indexOf(':', close);
        }
        else if (portColon >= 0) {
            host = rest.substring(0, portColon);
        }
        if (rest.contains(",")) {
            throw new ConnectionException(source + " names several hosts; give one host");
        }
        if (portColon >= 0) {
            String portText = rest.substring(portColon + 1);
            try {
                port = Integer.parseInt(portText);
            }
            catch (NumberFormatException e) {
                throw new ConnectionException(source + " has a port that is not a number; expected e.g. :5432");
            }
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), source);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), source);
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> parameters.put(key, value);
                }
            }
        }
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name", "postgres");
        }
        String database = path.isEmpty() ? user : decode(path, source);
        return new ConnectionTarget(host, port, database, user, password == null || password.isEmpty() ? null : password, parameters);
    }

    private static ConnectionTarget fromEnvironment(Map<String, String> environment)
    {
        String host = nonBlank(environment.get("PGHOST")) ? environment.get("PGHOST") : "localhost";
        int port = 5432;
        if (nonBlank(environment.get("PGPORT"))) {
            try {
                port = Integer.parseInt(environment.get("PGPORT").strip());
            }
            catch (NumberFormatException e) {
                throw new ConnectionException("PGPORT is not a number: " + environment.get("PGPORT"));
            }
        }
        String user = nonBlank(environment.get("PGUSER")) ? environment.get("PGUSER") : System.getProperty("user.name", "postgres");
        String database = nonBlank(environment.get("PGDATABASE")) ? environment.get("PGDATABASE") : user;
        return new ConnectionTarget(host, port, database, user, null, Map.of());
    }

    private static String decode(String text, String source)
    {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw new ConnectionException(source + " has a malformed %-escape; percent-encode special characters in the user and password");
        }
    }

    private static boolean nonBlank(String value)
    {
        return value != null && !value.isBlank();
    }

    public static boolean isLoopback(String host)
    {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1") || lower.startsWith("/");
    }

    /** {@code jdbc:postgresql://host:port/database}, without user or password. */
    public String jdbcUrl()
    {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /**
     * The properties for the driver, with the password; never print them. No server-side prepared statements
     * ({@code prepareThreshold=0}) unless the URL asks for them: a pooler in transaction mode (PgBouncer, Supabase's
     * Supavisor on port 6543) may run each transaction on another server connection, where a named statement does
     * not exist.
     */
    public Properties driverProperties()
    {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "0");
        parameters.forEach(properties::setProperty);
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "simdata load");
        return properties;
    }

    /** {@code postgres://user@host:port/database?sslmode=…}, with the password left out. */
    public String display()
    {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "postgres://" + user + (password == null ? "" : ":" + HIDDEN) + "@" + hostPart + ":" + port + "/" + database
                + "?sslmode=" + parameters.getOrDefault("sslmode", "prefer");
    }

    /** Removes the password (plain and percent-encoded) from a message before it is shown or logged. */
    public String redact(String message)
    {
        if (message == null) {
            return "";
        }
        if (password == null || password.isEmpty()) {
            return message;
        }
        String redacted = message.replace(password, HIDDEN);
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        return redacted.replace(encoded, HIDDEN).replace(encoded.replace("+", "%20"), HIDDEN);
    }

    @Override
    public String toString()
    {
        return display();
    }
}
