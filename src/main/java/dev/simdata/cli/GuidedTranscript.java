package dev.simdata.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The command lines that repeat a guided session without questions, collected step by step and printed at its end. */
final class GuidedTranscript
{
    /** How the printed command lines start; the README's launcher. */
    static final String LAUNCHER = "scripts/simdata";
    static final String DATABASE_URL = "\"$DATABASE_URL\"";

    private final List<String> commands = new ArrayList<>();
    private String databaseNote;

    void add(List<String> arguments)
    {
        commands.add(commandLine(arguments));
    }

    /** What {@code $DATABASE_URL} stands for, said below the commands (never the password). */
    void note(String databaseNote)
    {
        this.databaseNote = databaseNote;
    }

    void print(PrintWriter out)
    {
        if (commands.isEmpty()) {
            return;
        }
        out.println();
        out.println("The same run without questions:");
        for (String command : commands) {
            out.println("  " + command);
        }
        if (databaseNote != null) {
            out.println("  (" + databaseNote + "; the password is never printed)");
        }
        commands.clear();
    }

    /** The launcher and the arguments, each quoted for a POSIX shell where it needs it; {@code "$DATABASE_URL"} stays as it is. */
    static String commandLine(List<String> arguments)
    {
        StringBuilder line = new StringBuilder(LAUNCHER);
        for (String argument : arguments) {
            line.append(' ');
            if (argument.equals(DATABASE_URL) || argument.matches("[A-Za-z0-9_./:=,@%+-]+")) {
                line.append(argument);
            }
            else {
                line.append('\'').append(argument.replace("'", "'\\''")).append('\'');
            }
        }
        return line.toString();
    }
}
