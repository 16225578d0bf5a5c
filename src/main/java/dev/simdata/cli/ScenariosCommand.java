package dev.simdata.cli;

import dev.simdata.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the preset scenarios with their target row counts and history length.")
final class ScenariosCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-12s %6s %8s %6s %9s %10s %12s %8s  %s%n",
                "scenario", "orgs", "clients", "users", "contacts", "campaigns", "recipients", "history", "description");
        for (Scenario scenario : Scenario.PRESETS) {
            out.printf("%-12s %6d %8d %6d %9d %10d %12s %8s  %s%n",
                    scenario.name(),
                    scenario.organizations(),
                    scenario.clients(),
                    scenario.users(),
                    scenario.contacts(),
                    scenario.campaigns(),
                    "~" + (long) scenario.campaigns() * Math.min(scenario.recipientsPerCampaign(), scenario.contacts() / scenario.clients()),
                    scenario.historyMonths() + (scenario.historyMonths() == 1 ? " month" : " months"),
                    scenario.description());
        }
        out.println();
        out.println("Organizations, clients, users, contacts and campaigns are exact; recipients follow from campaigns");
        out.println("(never more per campaign than the client's contacts); events follow from the journey rates.");
        return ExitCode.OK;
    }
}
