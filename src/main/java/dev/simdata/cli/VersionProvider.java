package dev.simdata.cli;

import dev.simdata.app.Version;
import picocli.CommandLine;

final class VersionProvider
        implements CommandLine.IVersionProvider
{
    @Override
    public String[] getVersion()
    {
        return new String[] {Version.NAME + " " + Version.version()};
    }
}
