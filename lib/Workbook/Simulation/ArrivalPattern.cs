namespace Workbook.Simulation;

/// <summary>
/// The shape of the request stream. The average rate is set by <see cref="Scenario.Load"/>;
/// the pattern decides how bunched the requests are around that average.
/// </summary>
public abstract record ArrivalPattern
{
    private protected ArrivalPattern()
    {
    }

    /// <summary>Poisson arrivals: independent, exponential gaps (the supermarket model's assumption).</summary>
    public static ArrivalPattern Poisson { get; } = new PoissonArrivals();

    /// <summary>Requests arrive in simultaneous groups of <paramref name="size"/>; the groups form a Poisson stream.</summary>
    /// <param name="size">Requests per group (1 or more; 1 is plain Poisson).</param>
    /// <returns>The pattern.</returns>
    public static ArrivalPattern Batches(int size) => new BatchArrivals(size);

    /// <summary>
    /// On/off bursts: Poisson arrivals at <c>rate / onFraction</c> during "on" periods, silence
    /// during "off" periods; both lengths exponential, one on+off cycle lasting <paramref name="meanCycle"/> on average.
    /// </summary>
    /// <param name="onFraction">Share of time the source is on, in (0, 1].</param>
    /// <param name="meanCycle">Mean length of one on+off cycle in virtual seconds (positive).</param>
    /// <returns>The pattern.</returns>
    public static ArrivalPattern OnOff(double onFraction = 0.25, double meanCycle = 20) => new OnOffArrivals(onFraction, meanCycle);

    /// <summary>Starts a generator producing this pattern at an average of <paramref name="rate"/> requests per virtual second.</summary>
    internal abstract ArrivalSource Start(double rate, Random random);
}

/// <summary>Poisson arrivals (see <see cref="ArrivalPattern.Poisson"/>).</summary>
public sealed record PoissonArrivals : ArrivalPattern
{
    internal override ArrivalSource Start(double rate, Random random) => new PoissonSource(rate, random, 1);

    /// <inheritdoc />
    public override string ToString() => "Poisson arrivals";
}

/// <summary>Poisson batches of <see cref="Size"/> simultaneous requests (see <see cref="ArrivalPattern.Batches"/>).</summary>
public sealed record BatchArrivals : ArrivalPattern
{
    /// <summary>Creates the pattern.</summary>
    /// <param name="size">Requests per batch (1 or more).</param>
    public BatchArrivals(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
    }

    /// <summary>Requests per batch.</summary>
    public int Size { get; }

    internal override ArrivalSource Start(double rate, Random random) => new PoissonSource(rate / Size, random, Size);

    /// <inheritdoc />
    public override string ToString() => $"Poisson batches of {Size}";
}

/// <summary>On/off bursty arrivals (see <see cref="ArrivalPattern.OnOff"/>).</summary>
public sealed record OnOffArrivals : ArrivalPattern
{
    /// <summary>Creates the pattern.</summary>
    /// <param name="onFraction">Share of time the source is on, in (0, 1].</param>
    /// <param name="meanCycle">Mean on+off cycle length in virtual seconds (positive).</param>
    public OnOffArrivals(double onFraction, double meanCycle)
    {
        if (!(onFraction > 0 && onFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(onFraction), onFraction, "The on fraction must be in (0, 1].");
        }

        if (!(meanCycle > 0 && double.IsFinite(meanCycle)))
        {
            throw new ArgumentOutOfRangeException(nameof(meanCycle), meanCycle, "The mean cycle must be a positive number of virtual seconds.");
        }

        OnFraction = onFraction;
        MeanCycle = meanCycle;
    }

    /// <summary>Share of time the source is on.</summary>
    public double OnFraction { get; }

    /// <summary>Mean on+off cycle length in virtual seconds.</summary>
    public double MeanCycle { get; }

    internal override ArrivalSource Start(double rate, Random random) => new OnOffSource(rate, random, OnFraction, MeanCycle);

    /// <inheritdoc />
    public override string ToString() => $"on/off bursts ({OnFraction:P0} on, cycle {MeanCycle:0.##} s)";
}
