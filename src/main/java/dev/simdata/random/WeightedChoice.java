package dev.simdata.random;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A fixed list of values with weights, sampled through {@link RowRandom#pick}.
 */
public final class WeightedChoice<T>
{
    private final List<T> values;
    private final double[] cumulative;

    private WeightedChoice(List<T> values, double[] weights)
    {
        if (values.size() != weights.length || values.isEmpty()) {
            throw new IllegalArgumentException("need one weight per value");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            total += weights[i];
            cumulative[i] = total;
        }
    }

    public static <T> WeightedChoice<T> of(List<T> values, double... weights)
    {
        return new WeightedChoice<>(requireNonNull(values, "values is null"), weights);
    }

    public T pick(RowRandom random)
    {
        return values.get(random.pick(cumulative));
    }

    public int pickIndex(RowRandom random)
    {
        return random.pick(cumulative);
    }

    public T get(int index)
    {
        return values.get(index);
    }

    public int size()
    {
        return values.size();
    }

    /** The probability of the value at {@code index}. */
    public double probability(int index)
    {
        double previous = index == 0 ? 0 : cumulative[index - 1];
        return (cumulative[index] - previous) / cumulative[cumulative.length - 1];
    }
}
