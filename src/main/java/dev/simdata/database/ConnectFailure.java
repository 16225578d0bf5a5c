package dev.simdata.database;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The one-line message for a connection that could not be opened. When the host resolves only to IPv6 addresses and
 * the connection failed for want of a route ("Network is unreachable", "No route to host": a machine or network
 * without IPv6, like many CI runners and home networks), it says so and names the way in over IPv4: for Supabase's
 * direct host {@code db.<ref>.supabase.co}, the session pooler's connection string with the ref filled in.
 */
public final class ConnectFailure
{
    /** Looks up a host's addresses; {@link #system()} in production, a fixed answer in tests. */
    public interface Resolver
    {
        InetAddress[] resolve(String host)
                throws UnknownHostException;

        static Resolver system()
        {
            return InetAddress::getAllByName;
        }
    }

    private static final Pattern SUPABASE_DIRECT = Pattern.compile("db\\.([a-z0-9]+)\\.supabase\\.co", Pattern.CASE_INSENSITIVE);

    private ConnectFailure() {}

    public static String message(ConnectionTarget target, SQLException failure, Resolver resolver)
    {
        requireNonNull(target, "target is null");
        requireNonNull(failure, "failure is null");
        requireNonNull(resolver, "resolver is null");
        String reason = target.redact(failure.getMessage()).replace('\n', ' ');
        if (noRoute(failure) && onlyIpv6(target.host(), resolver)) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String detail = root == failure || root.getMessage() == null ? "" : ": " + target.redact(root.getMessage()).replace('\n', ' ');
            return "cannot connect to " + target.display() + ": " + target.host() + " has only IPv6 addresses and this machine has no route to them ("
                    + reason + detail + "); " + ipv4Way(target);
        }
        return "cannot connect to " + target.display() + ": " + reason
                + " (check the URL, that the server runs, and the password in the URL, PGPASSWORD or ~/.pgpass)";
    }

    /** The session pooler's connection string for a Supabase project, {@code <ref>} and {@code <region>} where unknown. */
    public static String sessionPooler(String host)
    {
        Matcher matcher = SUPABASE_DIRECT.matcher(host);
        String ref = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : "<ref>";
        return "postgresql://postgres." + ref + "@aws-0-<region>.pooler.supabase.com:5432/postgres";
    }

    private static String ipv4Way(ConnectionTarget target)
    {
        if (SUPABASE_DIRECT.matcher(target.host()).matches()) {
            return "use Supabase's session pooler, which has IPv4: --url '" + sessionPooler(target.host())
                    + "' (the region is in Project Settings > Database > Connection string > Session pooler; same password), or buy the IPv4 add-on";
        }
        return "connect through a host name or address with IPv4 or a pooler (for Supabase, the session pooler: " + sessionPooler(target.host())
                + "), or run from a network with IPv6";
    }

    private static boolean noRoute(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoRouteToHostException) {
                return true;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("network is unreachable") || message.contains("no route to host") || message.contains("protocol family unavailable")
                    || message.contains("address family not supported")) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyIpv6(String host, Resolver resolver)
    {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException | SecurityException e) {
            return false;
        }
        if (addresses == null || addresses.length == 0) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (!(address instanceof Inet6Address)) {
                return false;
            }
        }
        return true;
    }
}
