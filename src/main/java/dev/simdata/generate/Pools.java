package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import net.datafaker.Faker;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Value pools built once per seed from datafaker (US locale) and then sampled per row, so that datafaker's
 * expression resolution never runs on the hot path. Immutable after construction and safe to share.
 */
final class Pools
{
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

    private Pools(Faker faker, Random digits)
    {
        firstNames = distinct(FIRST_NAMES, () -> faker.name().firstName());
        lastNames = distinct(LAST_NAMES, () -> faker.name().lastName());
        firstNamesLower = slugs(firstNames);
        lastNamesLower = slugs(lastNames);
        streets = distinct(STREETS, () -> faker.address().streetAddress());
        cities = new String[PLACES];
        states = new String[PLACES];
        postalCodes = new String[PLACES];
        for (int i = 0; i < PLACES; i++) {
            String state = faker.address().stateAbbr();
            cities[i] = faker.address().city();
            states[i] = state;
            postalCodes[i] = fiveDigits(faker.address().zipCodeByState(state), digits);
        }
        companies = distinct(COMPANIES, () -> trimCompany(faker.company().name()));
    }

    /**
     * Uses datafaker's English data, which is US-centric (US states, state-matched ZIP prefixes, American names).
     * {@code Locale.US} would add the en-US overrides, which makes datafaker's first call several times slower.
     */
    static Pools build(long seed)
    {
        return new Pools(new Faker(Locale.ENGLISH, new Random(seed)), new Random(seed ^ 0x5DEECE66DL));
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
