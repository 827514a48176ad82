using System.Globalization;
using System.Text;

namespace Workbook.Capstone;

/// <summary>The tuning pass's staircase: every configuration measured in one run, naive first.</summary>
/// <param name="Steps">The measured configurations, in order.</param>
/// <param name="SpikeRate">The spike's rate in requests per second (the same for every step).</param>
/// <param name="Options">How they were measured.</param>
public sealed record TuningReport(IReadOnlyList<TuningStep> Steps, double SpikeRate, TuningOptions Options)
{
    /// <summary>The first (naive) step.</summary>
    public TuningStep First => Steps[0];

    /// <summary>The last (final) step.</summary>
    public TuningStep Last => Steps[^1];

    /// <summary>Final throughput ÷ naive throughput: how many times more answers per second.</summary>
    public double ThroughputRatio => First.Throughput > 0 ? Last.Throughput / First.Throughput : 0;

    /// <summary>Naive spike p99 ÷ final spike p99: how many times shorter the final's p99 is.</summary>
    public double P99Ratio => Last.SpikeP99 > TimeSpan.Zero ? First.SpikeP99 / Last.SpikeP99 : 0;

    /// <summary>The step with the given name.</summary>
    /// <param name="name">A configuration name, e.g. "+ cache".</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">No step has that name.</exception>
    public TuningStep this[string name] => Steps.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No step is called '{name}'. Steps: {string.Join(", ", Steps.Select(s => s.Name))}.", nameof(name));

    /// <summary>A table, one line per step, then the final-versus-naive ratios.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Options.Clients} users for {Options.Measure.TotalSeconds:0.#} s per step (after {Options.Warmup.TotalSeconds:0.#} s warm-up); "
            + $"spike: {SpikeRate:N0} requests/s for {Options.Spike.TotalSeconds:0.#} s").AppendLine();
        foreach (TuningStep step in Steps)
        {
            text.AppendLine(step.ToString());
        }

        text.Append(CultureInfo.InvariantCulture,
            $"final vs naive: {ThroughputRatio:0.0}x the throughput, spike p99 {P99Ratio:0.0}x shorter");
        return text.ToString();
    }
}
