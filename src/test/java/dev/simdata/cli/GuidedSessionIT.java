package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.Manifest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the guided session through a scripted terminal (JLine with piped input and output), end to end: a dataset
 * generated, loaded into an embedded PostgreSQL whose role needs a password, validated; then the printed command lines
 * are run through the real CLI and must reproduce the same SHA256SUMS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidedSessionIT
{
    private static final String PASSWORD = "S3ss!on-Pa55word";

    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;

    @BeforeAll
    void setUp()
            throws Exception
    {
        postgres = PasswordPostgres.start(temporary, PASSWORD, "guided", "declined");
    }

    @AfterAll
    void tearDown()
            throws IOException
    {
        postgres.close();
    }

    private record Session(int exitCode, String output) {}

    /**
     * A terminal whose keyboard the test types on and whose screen it reads. Echo is off, as JLine sets it on a real
     * terminal while it reads a line: what shows is what the line editor draws (a password as stars).
     */
    private static final class ScriptedTerminal
            implements AutoCloseable
    {
        private final PipedOutputStream keyboard = new PipedOutputStream();
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        private final Terminal terminal;

        ScriptedTerminal()
                throws IOException
        {
            PipedInputStream input = new PipedInputStream(keyboard, 1 << 16);
            terminal = TerminalBuilder.builder().system(false).streams(input, screen).type(Terminal.TYPE_DUMB).build();
            Attributes attributes = terminal.getAttributes();
            attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
            terminal.setAttributes(attributes);
        }

        void type(String keys)
                throws IOException
        {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Ends the input, as Ctrl-D does. */
        void endInput()
                throws IOException
        {
            keyboard.close();
        }

        void awaitScreen(String text)
                throws InterruptedException
        {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!screen().contains(text)) {
                assertThat(System.nanoTime()).as("'%s' on the screen:%n%s", text, screen()).isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        String screen()
        {
            terminal.writer().flush();
            return screen.toString(StandardCharsets.UTF_8);
        }

        Session run()
        {
            int code = new GuidedSession(terminal, Map.of(), null).run();
            return new Session(code, screen());
        }

        @Override
        public void close()
                throws IOException
        {
            terminal.close();
        }
    }

    /** Runs a session whose keyboard types {@code input}, then ends. */
    private static Session session(String input)
            throws IOException
    {
        try (ScriptedTerminal terminal = new ScriptedTerminal()) {
            terminal.type(input);
            terminal.endInput();
            return terminal.run();
        }
    }

    private static String lines(String... answers)
    {
        return String.join("\n", answers) + "\n";
    }

    private String url(String database)
    {
        return "postgres://loader@localhost:" + postgres.getPort() + "/" + database;
    }

    private String urlWithPassword(String database)
    {
        return "postgres://loader:" + PASSWORD + "@localhost:" + postgres.getPort() + "/" + database;
    }

    @Test
    void wholeSessionGeneratesLoadsValidatesAndPrintsCommandsThatReproduceIt()
            throws Exception
    {
        Path out = temporary.resolve("whole/demo");
        Session session = session(lines(
                "demo",             // scenario
                "y",                // customise
                "2",                // scale
                "2",                // history months: needs a --config file
                "call_center,analytics", // features: no gift cards, platform analytics
                "7",                // seed
                "csv,parquet",      // formats
                out.toString(),     // output folder
                "",                 // generate: yes
                "3",                // load into a URL
                url("guided"),      // without the password
                PASSWORD,           // asked hidden
                ""));               // validate: yes
        assertThat(session.exitCode()).as(session.output()).isEqualTo(ExitCode.OK);
        assertThat(session.output())
                .doesNotContain(PASSWORD)
                .contains("plan for scenario demo_custom_x2, seed 7")
                .contains("wrote the scenario configuration to " + out + ".yaml")
                .contains("PASSED")
                .doesNotContain("FAILED");

        // the dataset: the chosen seed, history and scale, and files that match their checksums
        JsonNode simdata = new ObjectMapper().readTree(out.resolve(Manifest.FILE_NAME).toFile()).path("simdata");
        assertThat(simdata.path("seed").asLong()).isEqualTo(7);
        assertThat(simdata.path("scenario").path("history_months").asInt()).isEqualTo(2);
        assertThat(simdata.path("scenario").path("organizations").asInt()).isEqualTo(4);
        assertThat(simdata.path("options").path("formats").toString()).isEqualTo("[\"csv\",\"parquet\"]");
        assertThat(Manifest.read(out).tables()).contains("call_sessions", "performance_metrics").doesNotContain("gift_card_brands", "error_logs");
        for (String line : Files.readAllLines(out.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
            assertThat(Checksums.sha256(out.resolve(line.substring(66)))).as(line).isEqualTo(line.substring(0, 64));
        }
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("demo", "demo.yaml");
        }

        // the database holds every table's rows
        Map<String, Long> expected = manifestRows(out);
        assertThat(tableRows("guided", expected.keySet())).isEqualTo(expected);

        // the printed commands, run as they are (but into another folder), make the same files
        List<List<String>> commands = commands(session.output());
        assertThat(commands).extracting(command -> command.get(0)).containsExactly("generate", "load", "validate", "validate");
        assertThat(session.output()).contains("load " + out + " --url \"$DATABASE_URL\"").contains("DATABASE_URL is the URL entered above");
        Path again = temporary.resolve("whole/again");
        for (List<String> command : commands) {
            List<String> arguments = new ArrayList<>();
            for (String word : command) {
                arguments.add(word.equals("$DATABASE_URL") ? urlWithPassword("guided") : word.equals(out.toString()) ? again.toString() : word);
            }
            StringWriter printed = new StringWriter();
            int code = Cli.create(new PrintWriter(printed, true), new PrintWriter(printed, true)).execute(arguments.toArray(String[]::new));
            assertThat(code).as(String.join(" ", arguments) + "\n" + printed).isEqualTo(ExitCode.OK);
            if (command.get(0).equals("load")) {
                // the same dataset id: the database already holds it
                assertThat(printed.toString()).contains("nothing changed");
            }
        }
        assertThat(Files.readString(again.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME)));
    }

    @Test
    void decliningTheConfirmationsLeavesTheFolderAndTheDatabaseUnchanged()
            throws Exception
    {
        Path first = temporary.resolve("declined/first");
        Session load = session(lines("1", "y", "", "", "", "", "csv", first.toString(), "", "3", url("declined"), PASSWORD, "n"));
        assertThat(load.exitCode()).as(load.output()).isEqualTo(ExitCode.OK);
        Map<String, Long> rows = tableRows("declined", manifestRows(first).keySet());
        List<String> ledger = ledger("declined");
        String checksums = Files.readString(first.resolve(Manifest.CHECKSUMS_FILE_NAME));

        // another seed into the same folder: its tables are listed, 'no' keeps them and another folder is asked;
        // then the load lists the database's tables, and 'y' is not the typed 'yes' it needs
        Path second = temporary.resolve("declined/second");
        Session declined = session(lines("1", "y", "", "", "", "8", "csv", first.toString(), "no", second.toString(), "", "3", url("declined"), PASSWORD, "y", "n"));
        assertThat(declined.exitCode()).as(declined.output()).isEqualTo(ExitCode.OK);
        assertThat(declined.output())
                .contains(first + " holds another dataset")
                .containsPattern("events +[0-9,]+ rows")
                .contains("kept " + first + " as it is")
                .contains("already holds rows; loading drops and reloads these tables:")
                .containsPattern("organizations +2 rows")
                .contains("nothing was loaded: the database is as it was")
                .doesNotContain(PASSWORD)
                .doesNotContain("--mode replace");
        assertThat(Files.readString(first.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(checksums);
        assertThat(second.resolve(Manifest.CHECKSUMS_FILE_NAME)).exists();
        assertThat(tableRows("declined", rows.keySet())).isEqualTo(rows);
        assertThat(ledger("declined")).isEqualTo(ledger);
        assertThat(commands(declined.output())).extracting(command -> command.get(0)).containsExactly("generate");

        // and 'yes' replaces
        Session replaced = session(lines("1", "y", "", "", "", "8", "csv", second.toString(), "", "3", url("declined"), PASSWORD, "yes", "n"));
        assertThat(replaced.exitCode()).as(replaced.output()).isEqualTo(ExitCode.OK);
        assertThat(replaced.output()).contains("already holds this very dataset").contains("--url \"$DATABASE_URL\" --mode replace");
        assertThat(ledger("declined")).isNotEqualTo(ledger);
    }

    @Test
    void loadsIntoAnEmbeddedServerForTheSession()
            throws Exception
    {
        Path out = temporary.resolve("embedded/demo");
        Session session = session(lines("1", "y", "", "", "", "", "", out.toString(), "", "2", ""));
        assertThat(session.exitCode()).as(session.output()).isEqualTo(ExitCode.OK);
        long rows = manifestRows(out).values().stream().mapToLong(Long::longValue).sum();
        assertThat(session.output())
                .contains(Format.count(rows) + " rows loaded into schema public of postgres://postgres@localhost:")
                .contains("validating database: postgres://postgres@localhost:")
                .contains("scripts/simdata load " + out + " --embedded");
        assertThat(commands(session.output())).extracting(command -> command.get(0)).containsExactly("generate", "load", "validate");
    }

    @Test
    void ctrlCAtAQuestionStopsWithNothingWritten()
            throws Exception
    {
        Path out = temporary.resolve("interrupted-question/demo");
        try (ScriptedTerminal terminal = new ScriptedTerminal()) {
            CountDownLatch sessionOver = new CountDownLatch(1);
            Thread typist = new Thread(() -> {
                try {
                    terminal.type(lines("1", "y", "", "", "", "", "", out.toString()));
                    terminal.awaitScreen("Generate into " + out + "?");
                    // what the line discipline does with Ctrl-C on a real terminal
                    terminal.terminal.raise(Terminal.Signal.INT);
                    // a pipe whose writer is gone reads as the end of the input: stay until the session is over
                    sessionOver.await();
                }
                catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            typist.start();
            Session session = terminal.run();
            sessionOver.countDown();
            typist.join();
            assertThat(session.exitCode()).as(session.output()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(session.output()).contains("interrupted: no dataset was written").doesNotContain("The same run without questions");
        }
        assertThat(out.getParent()).doesNotExist();

        Session ended = session("");
        assertThat(ended.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ended.output()).contains("stopped at the end of the input");
    }

    @Test
    void ctrlCWhileGeneratingLeavesNothingHalfWritten()
            throws Exception
    {
        Path parent = Files.createDirectories(temporary.resolve("interrupted-generation"));
        Path out = parent.resolve("analytics");
        try (ScriptedTerminal terminal = new ScriptedTerminal()) {
            Thread typist = new Thread(() -> {
                // Ctrl-C once shards are being written in the staging folder
                while (!Thread.currentThread().isInterrupted()) {
                    try (Stream<Path> walk = Files.walk(parent)) {
                        if (walk.anyMatch(path -> path.getFileName().toString().startsWith(".tmp-"))) {
                            terminal.terminal.raise(Terminal.Signal.INT);
                            return;
                        }
                    }
                    catch (IOException | UncheckedIOException e) {
                        // a folder went while it was walked: look again
                    }
                }
            });
            terminal.type(lines("analytics", "y", "", "", "", "", "", out.toString(), ""));
            typist.start();
            Session session = terminal.run();
            typist.interrupt();
            typist.join();
            assertThat(session.exitCode()).as(session.output()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(session.output()).contains("interrupted: no dataset was written");
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void commandLinesAreQuotedForAShell()
    {
        assertThat(GuidedTranscript.commandLine(List.of("load", "/tmp/my data/it's", "--url", "\"$DATABASE_URL\"")))
                .isEqualTo("scripts/simdata load '/tmp/my data/it'\\''s' --url \"$DATABASE_URL\"");
        assertThat(words("scripts/simdata load '/tmp/my data/it'\\''s' --url \"$DATABASE_URL\"")).containsExactly("load", "/tmp/my data/it's", "--url", "$DATABASE_URL");
    }

    /** The command lines the session printed at the end, split into words as a POSIX shell would (without the launcher). */
    private static List<List<String>> commands(String output)
    {
        List<List<String>> commands = new ArrayList<>();
        String[] printed = output.split("\n");
        boolean inCommands = false;
        for (String line : printed) {
            if (line.startsWith("The same run without questions:")) {
                inCommands = true;
            }
            else if (inCommands && line.startsWith("  " + GuidedSession.LAUNCHER + " ")) {
                commands.add(words(line.strip()));
            }
        }
        return commands;
    }

    private static List<String> words(String line)
    {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            }
            else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            }
            else if (c == '\\') {
                word.append(line.charAt(++i));
                inWord = true;
            }
            else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            }
            else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        assertThat(words.get(0)).isEqualTo(GuidedSession.LAUNCHER);
        return words.subList(1, words.size());
    }

    private static Map<String, Long> manifestRows(Path dataset)
    {
        Manifest manifest = Manifest.read(dataset);
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.files().stream().filter(files -> files.format() == manifest.formats().get(0)).forEach(files -> rows.put(files.table(), files.rows()));
        return rows;
    }

    private Connection connect(String database)
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "loader", PASSWORD);
    }

    private Map<String, Long> tableRows(String database, Iterable<String> tables)
            throws SQLException
    {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM public.\"" + table + "\"")) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
        }
        return rows;
    }

    private List<String> ledger(String database)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT dataset_id, table_name, path, sha256, rows, loaded_at FROM public.simdata_load_ledger ORDER BY path")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getString(4) + " " + result.getLong(5) + " " + result.getString(6));
            }
        }
        return rows;
    }
}
