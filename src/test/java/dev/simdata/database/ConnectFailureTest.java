package dev.simdata.database;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectFailureTest
{
    private static final String SECRET = "p@ss:w/rd";

    private static ConnectFailure.Resolver answering(InetAddress... addresses)
    {
        return host -> addresses;
    }

    private static InetAddress ipv6(String host)
            throws UnknownHostException
    {
        return InetAddress.getByAddress(host, new byte[] {0x26, 0x06, 0x47, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    }

    private static InetAddress ipv4(String host)
            throws UnknownHostException
    {
        return InetAddress.getByAddress(host, new byte[] {(byte) 203, 0, 113, 7});
    }

    private static SQLException unreachable()
    {
        return new SQLException("The connection attempt failed.", "08001", new SocketException("Network is unreachable"));
    }

    private static ConnectionTarget target(String host)
    {
        return ConnectionTarget.resolve("postgres://postgres:" + "p%40ss%3Aw%2Frd" + "@" + host + ":5432/postgres", null, Map.of(), null);
    }

    @Test
    void ipv6OnlySupabaseHostNamesTheSessionPoolerWithItsRef()
            throws Exception
    {
        String host = "db.abcdefghijklmnop.supabase.co";
        String message = ConnectFailure.message(target(host), unreachable(), answering(ipv6(host)));
        assertThat(message)
                .contains("only IPv6")
                .contains("postgresql://postgres.abcdefghijklmnop@aws-0-<region>.pooler.supabase.com:5432/postgres")
                .contains("Network is unreachable")
                .doesNotContain(SECRET).doesNotContain("p%40ss")
                .doesNotContain("\n");
    }

    @Test
    void noRouteToHostCountsAsWell()
            throws Exception
    {
        String host = "db.xyz.supabase.co";
        SQLException failure = new SQLException("The connection attempt failed.", "08001", new NoRouteToHostException("No route to host"));
        assertThat(ConnectFailure.message(target(host), failure, answering(ipv6(host), ipv6(host))))
                .contains("postgresql://postgres.xyz@aws-0-<region>.pooler.supabase.com:5432/postgres");
    }

    @Test
    void otherIpv6OnlyHostsGetTheGenericAdvice()
            throws Exception
    {
        String host = "pg.example.org";
        assertThat(ConnectFailure.message(target(host), unreachable(), answering(ipv6(host))))
                .contains("only IPv6").contains("IPv4").contains("postgresql://postgres.<ref>@aws-0-<region>.pooler.supabase.com:5432/postgres");
    }

    @Test
    void aHostWithAnIpv4AddressGetsThePlainMessage()
            throws Exception
    {
        String host = "db.abc.supabase.co";
        String message = ConnectFailure.message(target(host), unreachable(), answering(ipv6(host), ipv4(host)));
        assertThat(message).doesNotContain("IPv6").doesNotContain("pooler").contains("check the URL");
    }

    @Test
    void otherFailuresOfAnIpv6OnlyHostGetThePlainMessage()
            throws Exception
    {
        String host = "db.abc.supabase.co";
        SQLException refused = new SQLException("Connection to db.abc.supabase.co:5432 refused.", "08001", new java.net.ConnectException("Connection refused"));
        assertThat(ConnectFailure.message(target(host), refused, answering(ipv6(host)))).doesNotContain("pooler").contains("refused");
    }

    @Test
    void anUnresolvableHostGetsThePlainMessage()
    {
        ConnectFailure.Resolver failing = host -> {
            throw new UnknownHostException(host);
        };
        assertThat(ConnectFailure.message(target("db.abc.supabase.co"), unreachable(), failing)).doesNotContain("pooler").contains("check the URL");
    }

    @Test
    void sessionPoolerStringFillsTheRefOnlyForTheDirectHost()
    {
        assertThat(ConnectFailure.sessionPooler("DB.AbC123.supabase.co")).isEqualTo("postgresql://postgres.abc123@aws-0-<region>.pooler.supabase.com:5432/postgres");
        assertThat(ConnectFailure.sessionPooler("db.abc.supabase.co.evil.example")).isEqualTo("postgresql://postgres.<ref>@aws-0-<region>.pooler.supabase.com:5432/postgres");
    }
}
