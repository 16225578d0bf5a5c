package dev.simdata.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/** The parsers of untrusted {@code --config} files, with limits so hostile input fails fast with one line. */
final class ConfigLimits
{
    private ConfigLimits() {}

    /** Limits on an untrusted configuration file: its size, nesting depth and the length of one value. */
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_SCALAR = 4096;

    static JsonFactory factory(boolean json)
    {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_SCALAR)
                .maxNameLength(MAX_SCALAR)
                .maxNumberLength(100)
                .build();
        JsonFactory factory;
        if (json) {
            factory = JsonFactory.builder().streamReadConstraints(limits).build();
        }
        else {
            LoaderOptions loader = new LoaderOptions();
            loader.setNestingDepthLimit(MAX_DEPTH);
            loader.setCodePointLimit(MAX_BYTES);
            loader.setMaxAliasesForCollections(10);
            loader.setAllowDuplicateKeys(false);
            factory = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits).build();
        }
        // a key given twice is refused, not silently overwritten
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return factory;
    }

    /**
     * The YAML parser does not apply the string limit to every scalar, so the tree is checked too.
     *
     * @throws ScenarioConfig.ConfigException naming the file and the key whose value is too long
     */
    static void checkScalars(JsonNode node, String at, java.nio.file.Path file)
    {
        if (node.isTextual() && node.asText().length() > MAX_SCALAR) {
            throw new ScenarioConfig.ConfigException(file + ": the value of " + (at.isEmpty() ? "the document" : at) + " is longer than " + MAX_SCALAR + " characters");
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().length() > MAX_SCALAR) {
                throw new ScenarioConfig.ConfigException(file + ": a key of " + (at.isEmpty() ? "the document" : at) + " is longer than " + MAX_SCALAR + " characters");
            }
            checkScalars(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), file);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkScalars(node.get(i), at + "[" + i + "]", file);
            }
        }
    }
}
