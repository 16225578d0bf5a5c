package dev.simdata.cli;

import dev.simdata.app.GenerateDataset;
import dev.simdata.app.Version;
import dev.simdata.database.ConnectionTarget;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.DatasetFolder;
import dev.simdata.app.GenerateRequest;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.load.DatabaseException;
import dev.simdata.load.EmbeddedServer;
import dev.simdata.load.LoadException;
import dev.simdata.load.LoadMode;
import dev.simdata.load.LoadOptions;
import dev.simdata.load.LoadSummary;
import dev.simdata.load.ReplaceConfirmation;
import dev.simdata.load.TableRows;
import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;
import dev.simdata.validate.ReportWriter;
import dev.simdata.validate.ValidationOptions;
import dev.simdata.validate.ValidationReport;
import dev.simdata.validate.Validator;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The guided session that {@code simdata} without arguments starts on a terminal: a scenario from a menu, optional
 * customisation, the plan, generation with progress, an optional load (an embedded server, or a URL with the password
 * asked hidden) and validation. Every destructive step lists what it would delete and asks for a typed {@code yes}.
 * At the end it prints the command lines that repeat the run without questions, with {@code $DATABASE_URL} in place
 * of the URL. Ctrl-C stops any step with exit code 130: a dataset is generated beside its folder and moved into place
 * only once complete, and a load commits shard by shard with its ledger.
 */
final class GuidedSession
{
    /** How the printed command lines start; the README's launcher. */
    static final String LAUNCHER = GuidedTranscript.LAUNCHER;
    private static final String DATABASE_URL = GuidedTranscript.DATABASE_URL;

    private final Terminal terminal;
    private final PrintWriter out;
    private final Prompts prompts;
    private final Map<String, String> environment;
    private final Path home;
    /** The command lines of what has been done so far, printed at the end (also after Ctrl-C or an error). */
    private final GuidedTranscript commands = new GuidedTranscript();
    private Path finished;
    private EmbeddedServer embedded;
    private ConnectionTarget target;

    GuidedSession(Terminal terminal, Map<String, String> environment, Path home)
    {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.out = terminal.writer();
        this.prompts = new Prompts(terminal);
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.home = home;
    }

    /** Runs the session; returns the exit code. */
    int run()
    {
        Thread session = Thread.currentThread();
        // outside a question, Ctrl-C interrupts the step under way; inside one, JLine raises UserInterruptException
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
        try {
            return steps();
        }
        catch (UserInterruptException | InterruptedException e) {
            out.println();
            out.println("interrupted: " + (finished == null ? "no dataset was written" : "the dataset in " + finished + " is complete and stays"));
            return ExitCode.INTERRUPTED;
        }
        catch (EndOfFileException e) {
            out.println();
            out.println("stopped at the end of the input: " + (finished == null ? "no dataset was written" : "the dataset in " + finished + " is complete"));
            return ExitCode.INTERRUPTED;
        }
        catch (UserException | DatasetException e) {
            return fail(ExitCode.INVALID_INPUT, e.getMessage());
        }
        catch (DatabaseException | SQLException | IOException e) {
            return fail(ExitCode.CANNOT_RUN, "could not run: " + e.getMessage());
        }
        finally {
            // a Ctrl-C that stopped a step must not cut short the server's shutdown
            Thread.interrupted();
            if (embedded != null) {
                embedded.close();
            }
            commands.print(out);
            terminal.handle(Terminal.Signal.INT, previous);
            out.flush();
        }
    }

    private int fail(int code, String message)
    {
        String line = Cli.oneLine(message);
        out.println("simdata: error: " + (target == null ? line : target.redact(line)));
        return code;
    }

    private int steps()
            throws IOException, InterruptedException, SQLException
    {
        out.println("simdata " + Version.version() + ": a guided session. Enter takes the [default]; Ctrl-C stops at any step.");
        out.println("At the end come the command lines that repeat this run without questions.");
        out.println();
        GuidedChoices choices = GuidedChoices.ask(prompts, out);
        Generation generation = chooseOutput(choices);
        out.println();
        PlanReport.print(out, generation.resolved());
        checkInterrupted();
        if (!prompts.yesNo("Generate into " + generation.out() + "?", true)) {
            out.println("nothing was generated");
            return ExitCode.OK;
        }
        generate(generation);
        Optional<ConnectionTarget> loaded = load(generation.out());
        return validate(generation.out(), loaded);
    }

    private static void checkInterrupted()
            throws InterruptedException
    {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }


    private enum Write { NEW, REPLACE, REPRODUCE }

    /** A generate command line with what it resolves to, and how the output folder is written. */
    private record Generation(List<String> arguments, DataOptions data, DataOptions.Resolved resolved, Path out, Write write,
            Optional<ScenarioConfig> config, Path configFile)
    {
        GenerateRequest request()
        {
            return resolved.request(out, write == Write.REPLACE, true);
        }
    }

    /**
     * Settles the output folder: an empty one, one holding this very dataset (reproduced and compared), or one holding
     * another dataset that the user agrees to replace, after seeing its tables and rows. Anything else is refused and
     * another folder asked.
     */
    private Generation chooseOutput(GuidedChoices choices)
            throws IOException
    {
        if (choices.out == null) {
            choices.out = choices.defaultOut();
        }
        while (true) {
            Generation generation = resolve(choices, Write.NEW);
            DatasetFolder folder = DatasetFolder.inspect(choices.out);
            if (folder.isEmpty()) {
                return generation;
            }
            if (GenerateDataset.holdsSameProvenance(generation.request())) {
                out.println(choices.out + " already holds this very dataset: it will be generated again beside it and compared, and left as it is");
                return resolve(choices, Write.REPRODUCE);
            }
            if (folder.holdsOnlyADataset()) {
                out.println(choices.out + " holds another dataset (" + folder.dataset().orElseThrow().name() + "); replacing it deletes these tables:");
                long total = 0;
                for (DatasetFolder.TableRows table : folder.tables()) {
                    out.printf(Locale.ROOT, "  %-24s %14s rows%n", table.table(), Format.count(table.rows()));
                    total += table.rows();
                }
                out.println("  " + Format.count(total) + " rows in all; it stays until the new dataset is complete.");
                if (prompts.typedYes("Replace the dataset in " + choices.out + "?")) {
                    return resolve(choices, Write.REPLACE);
                }
                out.println("kept " + choices.out + " as it is; choose another folder");
            }
            else {
                out.println(choices.out + " holds files that are not part of a simdata dataset (" + String.join(", ", folder.otherFiles())
                        + "); choose another folder");
            }
            choices.out = GuidedChoices.askOutput(prompts, choices);
        }
    }

    /** The generate command line for these choices, and the data options (the option group, not the command) it resolves to. */
    private static Generation resolve(GuidedChoices choices, Write write)
    {
        List<String> arguments = new ArrayList<>(List.of("generate", "--scenario", choices.preset.name()));
        if (choices.needsConfig()) {
            arguments.addAll(List.of("--config", choices.configFile().toString()));
        }
        if (choices.scale != null) {
            arguments.addAll(List.of("--scale", number(choices.scale)));
        }
        arguments.addAll(List.of("--seed", Long.toString(choices.seed), "--format", String.join(",", choices.formats.stream().map(DataFormat::id).toList())));
        DataOptions data = CommandLine.populateCommand(new DataOptions(), arguments.subList(1, arguments.size()).toArray(String[]::new));
        arguments.addAll(List.of("--out", choices.out.toString()));
        if (write == Write.REPLACE) {
            arguments.add("--force");
        }
        Optional<ScenarioConfig> config = choices.needsConfig() ? Optional.of(choices.config()) : Optional.empty();
        DataOptions.Resolved resolved = data.resolve(choices.effective());
        return new Generation(List.copyOf(arguments), data, resolved, choices.out, write, config, choices.configFile());
    }

    private static String number(double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void generate(Generation generation)
            throws IOException, InterruptedException
    {
        if (generation.config().isPresent()) {
            writeConfig(generation.configFile(), generation.config().get());
            // the printed command reads the file: it must give the very settings the plan showed
            if (!generation.data().resolve().settings().equals(generation.resolved().settings())) {
                throw new IllegalStateException(generation.configFile() + " does not read back to the scenario it was written from");
            }
        }
        DatasetSummary summary;
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            summary = generation.write() == Write.REPRODUCE
                    ? GenerateDataset.reproduce(generation.request(), progress, out::println).orElseThrow(() -> new UserException(
                            generation.out() + " holds a dataset with these settings whose files differ from what this build generates; choose another folder"))
                    : GenerateDataset.run(generation.request(), progress, out::println);
        }
        finished = generation.out();
        // the plan showed the tables: the total is enough here
        GenerationReport.printTotal(out, generation.resolved().settings(), summary, summary.rows(generation.resolved().formats().get(0)));
        commands.add(generation.arguments());
        checkInterrupted();
    }

    /**
     * Writes the scenario's configuration for {@code --config}; a different file already there is replaced only when
     * the user agrees.
     */
    private void writeConfig(Path file, ScenarioConfig config)
            throws IOException
    {
        byte[] yaml = config.toYaml().getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && !Arrays.equals(Files.readAllBytes(file), yaml)) {
            if (!prompts.yesNo(file + " exists with other content; replace it with this scenario's configuration?", false)) {
                throw new UserException(file + " was kept; run the session again with another output folder");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, yaml);
        out.println("wrote the scenario configuration to " + file + " (for --config)");
    }

    /** Offers a load; returns the database that now holds the dataset. */
    private Optional<ConnectionTarget> load(Path dataset)
            throws IOException, InterruptedException
    {
        out.println();
        out.println("Load the dataset into PostgreSQL?");
        out.println("  1)  no");
        out.println("  2)  into an embedded PostgreSQL that runs until this session ends");
        out.println("  3)  into a database at a URL");
        int choice = prompts.ask("Load", "1", answer -> {
            int number = GuidedChoices.parseWhole(answer);
            if (number < 1 || number > 3) {
                throw new IllegalArgumentException("expected 1, 2 or 3");
            }
            return number;
        });
        if (choice == 1) {
            return Optional.empty();
        }
        if (choice == 2) {
            out.println("starting an embedded PostgreSQL ...");
            out.flush();
            embedded = EmbeddedServer.start();
            target = embedded.target();
            LoadSummary summary = LoadConsole.load(target, LoadOptions.defaults(dataset), out, true, false, ReplaceConfirmation.ALWAYS);
            LoadConsole.printTotal(out, summary);
            out.println("the embedded server runs until the session ends: psql '" + embedded.psqlUrl() + "'");
            commands.add(List.of("load", dataset.toString(), "--embedded"));
            checkInterrupted();
            return Optional.of(target);
        }
        target = askTarget();
        boolean[] asked = new boolean[2];
        LoadSummary summary;
        try {
            summary = LoadConsole.load(target, LoadOptions.defaults(dataset).withMode(LoadMode.REPLACE), out, true, false, (schema, tables) -> {
                asked[0] = true;
                asked[1] = confirmReplace(schema, tables);
                return asked[1];
            });
        }
        catch (LoadException e) {
            if (asked[0] && !asked[1]) {
                out.println("nothing was loaded: the database is as it was");
                return Optional.empty();
            }
            throw e;
        }
        LoadConsole.printTotal(out, summary);
        List<String> arguments = new ArrayList<>(List.of("load", dataset.toString(), "--url", DATABASE_URL));
        if (asked[0]) {
            arguments.addAll(List.of("--mode", "replace"));
        }
        commands.add(arguments);
        commands.note("DATABASE_URL is the URL entered above (" + target.display() + "), with its password");
        checkInterrupted();
        return Optional.of(target);
    }

    private ConnectionTarget askTarget()
    {
        String fromEnvironment = environment.get("DATABASE_URL");
        boolean offerEnvironment = fromEnvironment != null && !fromEnvironment.isBlank();
        String url = prompts.ask("Database URL, postgres://user@host:5432/database (the password is asked next)", offerEnvironment ? "$DATABASE_URL" : null, answer -> {
            String candidate = answer.equals("$DATABASE_URL") && offerEnvironment ? fromEnvironment : answer;
            ConnectionTarget.parseUrl(candidate, "the URL");
            return candidate;
        });
        Map<String, String> variables = new HashMap<>(environment);
        if (ConnectionTarget.parseUrl(url, "the URL").password() == null && environment.getOrDefault("PGPASSWORD", "").isEmpty()) {
            String password = prompts.secret("Password (hidden; Enter for none or ~/.pgpass)");
            if (!password.isEmpty()) {
                variables.put("PGPASSWORD", password);
            }
        }
        return ConnectionTarget.resolve(url, null, variables, home);
    }

    /** Shows what a replacing load deletes, and asks for a typed yes. */
    private boolean confirmReplace(String schema, List<TableRows> tables)
    {
        out.println("schema " + schema + " of " + target.display() + " already holds rows; loading drops and reloads these tables:");
        long total = 0;
        for (TableRows table : tables) {
            out.printf(Locale.ROOT, "  %-24s %14s rows%n", table.table(), Format.count(table.rows()));
            total += table.rows();
        }
        out.println("  " + Format.count(total) + " rows in all would be deleted.");
        return prompts.typedYes("Delete these rows and load the dataset?");
    }

    private int validate(Path dataset, Optional<ConnectionTarget> loaded)
            throws IOException, SQLException, InterruptedException
    {
        out.println();
        if (!prompts.yesNo("Validate the dataset" + (loaded.isPresent() ? " files and the database" : "") + "?", true)) {
            return ExitCode.OK;
        }
        ValidationOptions options = ValidationOptions.all();
        out.println("validating the files ...");
        out.flush();
        ValidationReport files = Validator.validateFiles(dataset, options);
        // the checks one by one: 'simdata validate', printed at the end
        out.print(ReportWriter.brief(files));
        commands.add(List.of("validate", dataset.toString()));
        checkInterrupted();
        boolean passed = files.passed();
        if (loaded.isPresent()) {
            out.println("validating the database ...");
            out.flush();
            ValidationReport database = Validator.validateDatabase(loaded.get(), "public", Optional.of(dataset), options);
            out.print(ReportWriter.brief(database));
            if (embedded == null) {
                commands.add(List.of("validate", dataset.toString(), "--url", DATABASE_URL));
            }
            passed &= database.passed();
            checkInterrupted();
        }
        return passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}

