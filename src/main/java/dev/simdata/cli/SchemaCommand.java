package dev.simdata.cli;

import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Prints each table's schema for one engine, derived from schemas/, so that",
                "no engine infers types from the CSV. Paths in the printed statements are",
                "relative to the dataset folder."})
final class SchemaCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--dialect"}, required = true, paramLabel = "ENGINE",
            description = "postgres, duckdb, clickhouse, spark or bigquery.")
    String dialect;

    @Parameters(paramLabel = "TABLE", arity = "0..*", description = "The tables to print (default: all, parents first).")
    List<String> tables = new ArrayList<>();

    @Override
    public Integer call()
    {
        EngineDialect engine = EngineDialect.parse(dialect)
                .orElseThrow(() -> new UserException("--dialect must be postgres, duckdb, clickhouse, spark or bigquery, got '" + dialect + "'"));
        SchemaCatalog catalog = SchemaCatalog.bundled();
        List<TableSchema> selected = new ArrayList<>();
        if (tables.isEmpty()) {
            selected.addAll(catalog.tables());
        }
        for (String name : tables) {
            selected.add(catalog.find(name).orElseThrow(() -> new UserException(
                    "no table '" + name + "': run 'simdata schema --dialect " + engine.id() + "' to see them all")));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(selected.size() == 1 ? engine.render(selected.get(0)) + "\n" : engine.render(selected));
        out.flush();
        return ExitCode.OK;
    }
}
