namespace Workbook.Capstone;

/// <summary>
/// Draws product keys the way real traffic asks for them: a few keys are very popular and most are
/// rarely asked for (a Zipf distribution: the key of rank r is asked for in proportion to 1 / r^s).
/// Key 0 is the most popular, key 1 the next, and so on. Seeded, so every run asks for the same keys.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Next"/> may be called from many load-generator clients at once (a lock
/// guards the one seeded <see cref="Random"/>, so the sequence of keys drawn is the same on every run
/// even though which client gets which key varies).
/// </remarks>
public sealed class ZipfKeys
{
    private readonly double[] _cumulative;
    private readonly Random _random;
    private readonly Lock _gate = new();

    /// <summary>Creates a sampler over <paramref name="keys"/> keys with exponent <paramref name="exponent"/>.</summary>
    /// <param name="keys">How many keys, 1 or more (default <see cref="Quotes.KeyCount"/>).</param>
    /// <param name="exponent">The skew s, above 0: around 1 for web traffic; larger means more concentrated.</param>
    /// <param name="seed">The seed of the random draws.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or exponent out of range.</exception>
    public ZipfKeys(int keys = Quotes.KeyCount, double exponent = 1.1, int seed = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keys);
        if (!double.IsFinite(exponent) || exponent <= 0 || exponent > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The Zipf exponent must be above 0 and at most 10.");
        }

        Keys = keys;
        Exponent = exponent;
        _random = new Random(seed);
        _cumulative = new double[keys];
        double total = 0;
        for (int rank = 1; rank <= keys; rank++)
        {
            total += 1 / Math.Pow(rank, exponent);
            _cumulative[rank - 1] = total;
        }

        for (int i = 0; i < keys; i++)
        {
            _cumulative[i] /= total;
        }

        // Rounding could leave the last entry a hair below 1, and a draw of 0.9999999 must still find a key.
        _cumulative[^1] = 1;
    }

    /// <summary>How many keys there are.</summary>
    public int Keys { get; }

    /// <summary>The skew s.</summary>
    public double Exponent { get; }

    /// <summary>The next key: 0 with the highest probability, <see cref="Keys"/> − 1 with the lowest.</summary>
    /// <returns>A key between 0 and <see cref="Keys"/> − 1.</returns>
    public int Next()
    {
        double u;
        lock (_gate)
        {
            u = _random.NextDouble();
        }

        int index = Array.BinarySearch(_cumulative, u);
        // BinarySearch returns the complement of the first larger entry when u is not found exactly.
        return index >= 0 ? index : ~index;
    }

    /// <summary>The next <paramref name="count"/> keys.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <returns>The keys, in the order drawn.</returns>
    public int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var keys = new int[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = Next();
        }

        return keys;
    }

    /// <summary>The probability that a request asks for <paramref name="key"/>.</summary>
    /// <param name="key">A key between 0 and <see cref="Keys"/> − 1.</param>
    /// <returns>The probability.</returns>
    public double Probability(int key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(key, Keys);
        return key == 0 ? _cumulative[0] : _cumulative[key] - _cumulative[key - 1];
    }

    /// <summary>The share of all requests that ask for one of the <paramref name="count"/> most popular keys.</summary>
    /// <param name="count">How many of the top keys, 1 to <see cref="Keys"/>.</param>
    /// <returns>A share between 0 and 1.</returns>
    public double ShareOfTop(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Keys);
        return _cumulative[count - 1];
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Zipf keys: {Keys:N0} keys, exponent {Exponent:0.##}; the top 10 get {ShareOfTop(Math.Min(10, Keys)):P0} of requests";
}
