package dev.simdata.cli;

import dev.simdata.dataset.DatasetException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * All picocli wiring: builds the command tree around the given writers, so tests run the real CLI and capture what
 * it prints. User mistakes become one line on stderr and exit code 2; nothing prints a stack trace for them.
 */
public final class Cli
{
    private Cli() {}

    public static CommandLine create(PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new SimdataCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Cli::handleParameterException);
        commandLine.setExecutionExceptionHandler(Cli::handleExecutionException);
        return commandLine;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args)
    {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": error: " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        return ExitCode.INVALID_INPUT;
    }

    private static int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
    {
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        if (e instanceof UserException || e instanceof DatasetException) {
            err.println(name + ": error: " + oneLine(e.getMessage()));
            return ExitCode.INVALID_INPUT;
        }
        if (e instanceof InterruptedException) {
            err.println(name + ": interrupted");
            return ExitCode.INTERRUPTED;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println(name + ": error: could not run: " + oneLine(String.valueOf(e.getMessage())));
            return ExitCode.CANNOT_RUN;
        }
        err.println(name + ": internal error: " + e + " (this is a bug in simdata; the stack trace follows)");
        e.printStackTrace(err);
        return ExitCode.INTERNAL_ERROR;
    }

    static String oneLine(String message)
    {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
