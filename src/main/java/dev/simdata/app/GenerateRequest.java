package dev.simdata.app;

import dev.simdata.dataset.DatasetOptions;
import dev.simdata.scenario.GenerationSettings;

import static java.util.Objects.requireNonNull;

/**
 * Everything {@code generate}, {@code plan} and the guided session decide about a dataset: what is generated (the
 * settings) and how it is written (the options). Built once from the command line or the session's answers and
 * passed down unchanged.
 */
public record GenerateRequest(GenerationSettings settings, DatasetOptions options)
{
    public GenerateRequest
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(options, "options is null");
    }
}
