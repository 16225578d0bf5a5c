package dev.simdata.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from a resource Maven fills in. */
public final class Version
{
    public static final String NAME = "simdata";
    private static final String VERSION = load();

    private Version() {}

    public static String version()
    {
        return VERSION;
    }

    private static String load()
    {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream("simdata-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
