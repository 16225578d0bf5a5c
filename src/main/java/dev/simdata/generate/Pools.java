package dev.simdata.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.random.RowRandom;
import net.datafaker.Faker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Value pools built from datafaker once, at build time, into the {@code simdata-pools.json} resource (see
 * {@link BuildValuePools}), and sampled per row: datafaker's YAML loading and expression resolution (seconds of CPU, much of
 * it JIT compilation) never run when generating. Immutable and safe to share.
 */
final class Pools
{
    static final String RESOURCE = "simdata-pools.json";
    /** The seed of the build-time datafaker run; the dataset seed decides which pooled values each row picks. */
    private static final long BUILD_SEED = 20_240_601L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Pools bundled;

    private static final int FIRST_NAMES = 1_200;
    private static final int LAST_NAMES = 2_000;
    private static final int STREETS = 4_000;
    private static final int PLACES = 1_500;
    private static final int COMPANIES = 2_500;

    final String[] firstNames;
    final String[] firstNamesLower;
    final String[] lastNames;
    final String[] lastNamesLower;
    final String[] streets;
    final String[] cities;
    final String[] states;
    final String[] postalCodes;
    final String[] companies;

    private Pools(String[] firstNames, String[] lastNames, String[] streets, String[] cities, String[] states, String[] postalCodes, String[] companies)
    {
        this.firstNames = firstNames;
        this.lastNames = lastNames;
        this.firstNamesLower = slugs(firstNames);
        this.lastNamesLower = slugs(lastNames);
        this.streets = streets;
        this.cities = cities;
        this.states = states;
        this.postalCodes = postalCodes;
        this.companies = companies;
    }

    /** The pools bundled with the build. */
    static Pools bundled()
    {
        Pools pools = bundled;
        if (pools == null) {
            synchronized (Pools.class) {
                pools = bundled;
                if (pools == null) {
                    pools = load();
                    bundled = pools;
                }
            }
        }
        return pools;
    }

    private static Pools load()
    {
        try (InputStream in = Pools.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build; run 'mvn package'");
            }
            JsonNode root = JSON.readTree(in);
            return new Pools(strings(root, "first_names"), strings(root, "last_names"), strings(root, "streets"),
                    strings(root, "cities"), strings(root, "states"), strings(root, "postal_codes"), strings(root, "companies"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String[] strings(JsonNode root, String field)
    {
        JsonNode array = root.path(field);
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asText();
        }
        if (values.length == 0) {
            throw new IllegalStateException(RESOURCE + " has no " + field);
        }
        return values;
    }

    /**
     * Builds the pools with datafaker and writes them as JSON to {@code out}; see {@link BuildValuePools}.
     * Datafaker's output is fixed for its version and the seed.
     */
    static void write(Path out)
            throws IOException
    {
        Pools pools = fromFaker(new Faker(Locale.ENGLISH, new Random(BUILD_SEED)), new Random(BUILD_SEED ^ 0x5DEECE66DL));
        ObjectNode root = JSON.createObjectNode();
        root.put("source", "datafaker " + Faker.class.getPackage().getImplementationVersion() + ", English data, seed " + BUILD_SEED);
        put(root, "first_names", pools.firstNames);
        put(root, "last_names", pools.lastNames);
        put(root, "streets", pools.streets);
        put(root, "cities", pools.cities);
        put(root, "states", pools.states);
        put(root, "postal_codes", pools.postalCodes);
        put(root, "companies", pools.companies);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, JSON.writeValueAsBytes(root));
    }

    private static void put(ObjectNode root, String field, String[] values)
    {
        var array = root.putArray(field);
        for (String value : values) {
            array.add(value);
        }
    }

    /**
     * Uses datafaker's English data, which is US-centric (US states, state-matched ZIP prefixes, American names).
     * {@code Locale.US} would add the en-US overrides, which makes datafaker's first call several times slower.
     */
    private static Pools fromFaker(Faker faker, Random digits)
    {
        String[] firstNames = distinct(FIRST_NAMES, () -> faker.name().firstName());
        String[] lastNames = distinct(LAST_NAMES, () -> faker.name().lastName());
        String[] streets = distinct(STREETS, () -> faker.address().streetAddress());
        String[] cities = new String[PLACES];
        String[] states = new String[PLACES];
        String[] postalCodes = new String[PLACES];
        for (int i = 0; i < PLACES; i++) {
            String state = faker.address().stateAbbr();
            cities[i] = faker.address().city();
            states[i] = state;
            postalCodes[i] = fiveDigits(faker.address().zipCodeByState(state), digits);
        }
        String[] companies = distinct(COMPANIES, () -> trimCompany(faker.company().name()));
        return new Pools(firstNames, lastNames, streets, cities, states, postalCodes, companies);
    }

    /**
     * A skewed pick: index 0 is the most frequent, as with real name frequencies. The square of a uniform value
     * puts about 30% of picks in the first tenth of the pool.
     */
    static int skewed(RowRandom random, int size)
    {
        double u = random.nextDouble();
        return (int) (u * u * size);
    }

    private static String[] distinct(int wanted, Supplier<String> source)
    {
        Set<String> values = new LinkedHashSet<>();
        for (int attempt = 0; values.size() < wanted && attempt < wanted * 20; attempt++) {
            String value = source.get().strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values.toArray(String[]::new);
    }

    /** Lower-case ASCII letters only, for e-mail local parts and domains. */
    static String slug(String value)
    {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.length() == 0 ? "x" : out.toString();
    }

    private static String[] slugs(String[] values)
    {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = slug(values[i]);
        }
        return out;
    }

    /** A five-digit ZIP code from a pattern such as {@code 730##}: the state's prefix, then random digits. */
    static String fiveDigits(String pattern, Random digits)
    {
        StringBuilder zip = new StringBuilder(5);
        for (int i = 0; i < pattern.length() && zip.length() < 5; i++) {
            char c = pattern.charAt(i);
            if (c >= '0' && c <= '9') {
                zip.append(c);
            }
            else if (c == '#') {
                zip.append((char) ('0' + digits.nextInt(10)));
            }
        }
        while (zip.length() < 5) {
            zip.append((char) ('0' + digits.nextInt(10)));
        }
        return zip.toString();
    }

    private static String trimCompany(String name)
    {
        List<String> words = new ArrayList<>(List.of(name.replace(",", "").split(" ")));
        words.removeIf(word -> word.equals("and") || word.equals("Inc") || word.equals("LLC") || word.equals("Group") || word.equals("Ltd"));
        return words.isEmpty() ? name : String.join(" ", words.subList(0, Math.min(2, words.size())));
    }
}
