namespace Workbook.Benchmarking;

/// <summary>
/// Declares one measurement before it runs: its id, what it compares, how its ratio is defined
/// and the target it is judged against. Items declare their specs up front, so an item that is
/// skipped or pending still lists every row it would have measured.
/// </summary>
/// <param name="Id">"1", "2a" …: the item number with a letter when the item has several ratios.</param>
/// <param name="Item">The item number.</param>
/// <param name="Name">What is compared.</param>
/// <param name="RatioDefinition">How the ratio is computed, e.g. "sequential time ÷ parallel time"; empty for a plain report.</param>
/// <param name="Target">The target, or null when the ratio is only reported.</param>
/// <remarks>Immutable; the factory methods make <see cref="BenchMeasurement"/> rows for every outcome.</remarks>
public sealed record BenchSpec(string Id, int Item, string Name, string RatioDefinition, BenchTarget? Target = null)
{
    /// <summary>
    /// Computes the ratio from the contenders' medians (and per round, for the spread) and judges
    /// it: <see cref="BenchStatus.Met"/> or <see cref="BenchStatus.NotMet"/> against the target,
    /// <see cref="BenchStatus.Reported"/> without one, <see cref="BenchStatus.Failed"/> when the ratio is not a finite number.
    /// </summary>
    /// <param name="samples">The interleaved samples.</param>
    /// <param name="ratio">The formula over contender values, e.g. <c>v =&gt; v("sequential") / v("parallel")</c>.</param>
    /// <param name="notes">What limits the figure; shown in the table.</param>
    /// <param name="metrics">Context figures.</param>
    /// <returns>The row.</returns>
    public BenchMeasurement Judge(
        RoundSamples samples, Func<Func<string, double>, double> ratio, string notes = "", IEnumerable<BenchMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(ratio);
        ArgumentNullException.ThrowIfNull(notes);
        return Judge(samples.Contenders, samples.RatioOfMedians(ratio), samples.RatioPerRound(ratio), notes, metrics);
    }

    /// <summary>Judges a ratio computed by the caller (for measurements whose contenders are not interleaved samples).</summary>
    /// <param name="contenders">The contenders and their samples.</param>
    /// <param name="ratio">The ratio.</param>
    /// <param name="roundRatios">The ratio of each round, if known.</param>
    /// <param name="notes">What limits the figure.</param>
    /// <param name="metrics">Context figures.</param>
    /// <returns>The row.</returns>
    public BenchMeasurement Judge(
        IReadOnlyList<ContenderResult> contenders, double ratio, IReadOnlyList<double>? roundRatios = null, string notes = "", IEnumerable<BenchMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        ArgumentNullException.ThrowIfNull(notes);
        BenchStatus status = !double.IsFinite(ratio) ? BenchStatus.Failed
            : Target is null ? BenchStatus.Reported
            : Target.IsMetBy(ratio) ? BenchStatus.Met
            : BenchStatus.NotMet;
        string text = status == BenchStatus.Failed ? Join($"the ratio is not a number ({ratio})", notes) : notes;
        return Row(status, text) with
        {
            Ratio = double.IsFinite(ratio) ? ratio : null,
            Contenders = [.. contenders],
            RoundRatios = [.. (roundRatios ?? []).Where(double.IsFinite)],
            Metrics = [.. metrics ?? []],
        };
    }

    /// <summary>A row with figures but no ratio to judge (e.g. absolute context such as notebook run times).</summary>
    /// <param name="contenders">The figures measured.</param>
    /// <param name="notes">What they mean.</param>
    /// <param name="metrics">Further context.</param>
    /// <returns>A <see cref="BenchStatus.Reported"/> row.</returns>
    public BenchMeasurement Report(IReadOnlyList<ContenderResult> contenders, string notes = "", IEnumerable<BenchMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        ArgumentNullException.ThrowIfNull(notes);
        return Row(BenchStatus.Reported, notes) with { Contenders = [.. contenders], Metrics = [.. metrics ?? []] };
    }

    /// <summary>A row for a measurement that could not run on this machine; it never counts as met.</summary>
    /// <param name="reason">Why, e.g. "skipped: wrk not installed (apt-get install wrk)".</param>
    /// <returns>A <see cref="BenchStatus.Skipped"/> row.</returns>
    public BenchMeasurement Skipped(string reason) =>
        Row(BenchStatus.Skipped, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>A row for a measurement whose code is not in this checkout yet.</summary>
    /// <param name="reason">What it waits for, e.g. "pending: needs the loopback farm (issue #6)".</param>
    /// <returns>A <see cref="BenchStatus.Pending"/> row.</returns>
    public BenchMeasurement Pending(string reason) =>
        Row(BenchStatus.Pending, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>A row for a measurement that threw.</summary>
    /// <param name="error">The error.</param>
    /// <returns>A <see cref="BenchStatus.Failed"/> row whose notes hold the error's type and message.</returns>
    public BenchMeasurement Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Exception root = error is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : error;
        return Row(BenchStatus.Failed, $"failed: {root.GetType().Name}: {root.Message}");
    }

    private BenchMeasurement Row(BenchStatus status, string notes) => new()
    {
        Id = Id,
        Item = Item,
        Name = Name,
        Status = status,
        RatioDefinition = RatioDefinition,
        Target = Target,
        Notes = notes ?? "",
    };

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : first + "; " + second;
}
