package dev.simdata.cli;

import dev.simdata.dataset.DatasetException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

/**
 * Questions on a terminal, read with JLine's line editor. An empty answer takes the default shown in brackets; an
 * answer that does not parse is explained in one line and asked again. Ctrl-C raises {@link UserInterruptException}
 * and Ctrl-D (or the end of the input) {@link EndOfFileException}.
 */
final class Prompts
{
    private static final char HIDDEN = '*';

    private final LineReader reader;
    private final PrintWriter out;

    Prompts(Terminal terminal)
    {
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("simdata")
                // answers are taken as typed: no '!' history expansion (a password may hold one)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        this.out = terminal.writer();
    }

    /**
     * Asks until {@code parse} accepts the answer, or the empty answer when {@code defaultAnswer} is given.
     * {@code parse} rejects an answer with an {@link IllegalArgumentException}, {@link UserException} or
     * {@link DatasetException} whose message says what was expected.
     */
    <T> T ask(String question, String defaultAnswer, Function<String, T> parse)
    {
        String prompt = question + (defaultAnswer == null ? "" : " [" + defaultAnswer + "]") + ": ";
        while (true) {
            String answer = read(prompt, null).strip();
            if (answer.isEmpty() && defaultAnswer != null) {
                answer = defaultAnswer;
            }
            try {
                return parse.apply(answer);
            }
            catch (IllegalArgumentException | UserException | DatasetException e) {
                out.println("  " + Cli.oneLine(e.getMessage()));
            }
        }
    }

    boolean yesNo(String question, boolean defaultYes)
    {
        return ask(question + (defaultYes ? " [Y/n]" : " [y/N]"), null, answer -> switch (answer.toLowerCase(Locale.ROOT)) {
            case "" -> defaultYes;
            case "y", "yes" -> true;
            case "n", "no" -> false;
            default -> throw new IllegalArgumentException("answer y or n");
        });
    }

    /** An explicit confirmation: only the word {@code yes} confirms; anything else, even {@code y}, declines. */
    boolean typedYes(String question)
    {
        return read(question + " Type yes to confirm: ", null).strip().equalsIgnoreCase("yes");
    }

    /** Reads a line without showing it: each character echoes as {@code *}, and the line stays out of the history. */
    String secret(String question)
    {
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            return read(question + ": ", HIDDEN);
        }
        finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }

    private String read(String prompt, Character mask)
    {
        if (Thread.currentThread().isInterrupted()) {
            // Ctrl-C came between two questions
            throw new UserInterruptException("");
        }
        out.flush();
        return reader.readLine(prompt, mask);
    }
}
