package dev.simdata.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.util.Optional;

/** The terminal the guided session talks to: the process's own, when both its input and its output are one. */
final class SystemTerminal
{
    private SystemTerminal() {}

    /**
     * Opens the system terminal, or nothing when standard input or output is not a terminal (a pipe, a file,
     * {@code /dev/null}) or the terminal cannot edit lines ({@code TERM=dumb}). Never reads the input.
     */
    static Optional<Terminal> open()
            throws IOException
    {
        if (System.console() == null) {
            return Optional.empty();
        }
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                // no warning on stderr when no system terminal can be had: then it is a dumb one, refused below
                .dumb(true)
                // JLine takes over SIGINT while the session runs, so that Ctrl-C stops a step instead of the JVM
                .signalHandler(Terminal.SignalHandler.SIG_IGN)
                .build();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            terminal.close();
            return Optional.empty();
        }
        return Optional.of(terminal);
    }
}
