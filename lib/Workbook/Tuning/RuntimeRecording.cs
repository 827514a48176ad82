using System.Globalization;
using Workbook.Charts;
using Workbook.Measurement;
using XPlot.Plotly;

namespace Workbook.Tuning;

/// <summary>Everything a <see cref="RuntimeSampler"/> read: the samples, and ways to turn them into series and charts.</summary>
/// <param name="Samples">The samples in time order; the first is taken when the sampler starts.</param>
/// <param name="Interval">The sampling interval.</param>
/// <param name="Truncated">True when the sampler reached its capacity and stopped early.</param>
/// <remarks>Immutable, so it is safe to share between threads.</remarks>
public sealed record RuntimeRecording(IReadOnlyList<RuntimeSample> Samples, TimeSpan Interval, bool Truncated)
{
    /// <summary>How long the recording covers.</summary>
    public TimeSpan Duration => Samples.Count == 0 ? TimeSpan.Zero : Samples[^1].At - Samples[0].At;

    /// <summary>The phase labels in the order they first appear.</summary>
    public IReadOnlyList<string> Phases => [.. Samples.Select(s => s.Phase).Distinct(StringComparer.Ordinal)];

    /// <summary>The value of <paramref name="metric"/> at each sample (rates: over the interval ending at that sample; 0 for the first).</summary>
    /// <param name="metric">What to read.</param>
    /// <returns>One value per sample.</returns>
    public IReadOnlyList<double> Values(RuntimeMetric metric)
    {
        var values = new double[Samples.Count];
        for (int i = 0; i < Samples.Count; i++)
        {
            values[i] = Value(metric, i);
        }

        return values;
    }

    /// <summary>The largest value of <paramref name="metric"/> over the recording.</summary>
    /// <param name="metric">What to read.</param>
    /// <returns>The peak, or 0 without samples.</returns>
    public double Peak(RuntimeMetric metric) => Samples.Count == 0 ? 0 : Values(metric).Max();

    /// <summary>The mean of <paramref name="metric"/> over the samples of <paramref name="phase"/> (or of the whole recording).</summary>
    /// <param name="metric">What to average, e.g. <see cref="RuntimeMetric.CpuPercent"/>.</param>
    /// <param name="phase">A phase label, or null for every sample.</param>
    /// <returns>The mean (rates skip the first sample, which has no interval before it).</returns>
    /// <exception cref="ArgumentException">No sample has that phase.</exception>
    public double Mean(RuntimeMetric metric, string? phase = null)
    {
        if (phase is not null)
        {
            // Validates the label: an unknown phase throws, naming the phases there are.
            _ = IndexOf(phase);
        }

        IReadOnlyList<double> values = Values(metric);
        var picked = Enumerable.Range(0, Samples.Count)
            .Where(i => (phase is null || Samples[i].Phase == phase) && (i > 0 || !IsRate(metric)))
            .Select(i => values[i])
            .ToList();
        return picked.Count == 0 ? 0 : picked.Average();
    }

    /// <summary>How much a counter grew during <paramref name="phase"/>: from its first sample to the first sample of the next phase.</summary>
    /// <param name="phase">A phase label (phases are contiguous runs of samples).</param>
    /// <param name="counter">A total: lock contentions, gen-0 or gen-2 collections, or MB allocated.</param>
    /// <returns>The growth during that phase.</returns>
    /// <exception cref="ArgumentException">No sample has that phase, or <paramref name="counter"/> is not a total.</exception>
    public double Growth(string phase, RuntimeMetric counter)
    {
        if (counter is not (RuntimeMetric.LockContentions or RuntimeMetric.Gen0Collections or RuntimeMetric.Gen2Collections or RuntimeMetric.AllocatedMegabytes))
        {
            throw new ArgumentException($"{counter} is not a total; Growth needs LockContentions, Gen0Collections, Gen2Collections or AllocatedMegabytes.", nameof(counter));
        }

        int first = IndexOf(phase);
        int end = first;
        while (end + 1 < Samples.Count && Samples[end + 1].Phase == phase)
        {
            end++;
        }

        // The phase ends where the next one starts: include that boundary sample.
        end = Math.Min(end + 1, Samples.Count - 1);
        return Value(counter, end) - Value(counter, first);
    }

    /// <summary>
    /// <paramref name="metric"/> over time as chart lines: one line per phase (each in its own
    /// colour, ending where the next phase begins), or a single line when there are no phases.
    /// </summary>
    /// <param name="metric">What to draw.</param>
    /// <returns>The lines.</returns>
    public IReadOnlyList<Series> Lines(RuntimeMetric metric)
    {
        IReadOnlyList<double> values = Values(metric);
        var lines = new List<Series>();
        foreach (string phase in Phases)
        {
            int first = IndexOf(phase);
            var points = new List<(double, double)>();
            for (int i = first; i < Samples.Count; i++)
            {
                points.Add((Samples[i].At.TotalSeconds, values[i]));
                if (Samples[i].Phase != phase)
                {
                    break;
                }
            }

            lines.Add(Series.Of(phase.Length == 0 ? Label(metric) : phase, points));
        }

        return lines;
    }

    /// <summary>A line chart of <paramref name="metric"/> over time, one colour per phase.</summary>
    /// <param name="metric">What to draw.</param>
    /// <param name="title">The chart title; a default naming the metric when null.</param>
    /// <returns>The chart.</returns>
    public PlotlyChart Chart(RuntimeMetric metric, string? title = null) =>
        Plot.Line(Lines(metric), title ?? $"{Label(metric)} over time", "time since sampling started (s)", Label(metric));

    /// <summary>The axis label of a metric, with its unit.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>E.g. "lock contentions per second".</returns>
    public static string Label(RuntimeMetric metric) => metric switch
    {
        RuntimeMetric.ThreadPoolThreads => "thread-pool threads",
        RuntimeMetric.ThreadPoolQueueLength => "queued work items",
        RuntimeMetric.WorkItemsPerSecond => "work items completed per second",
        RuntimeMetric.LockContentions => "lock contentions since start",
        RuntimeMetric.LockContentionsPerSecond => "lock contentions per second",
        RuntimeMetric.Gen0Collections => "gen-0 collections since start",
        RuntimeMetric.Gen2Collections => "gen-2 collections since start",
        RuntimeMetric.AllocatedMegabytes => "MB allocated since start",
        RuntimeMetric.AllocationMegabytesPerSecond => "MB allocated per second",
        RuntimeMetric.CpuPercent => "CPU use (% of all cores)",
        RuntimeMetric.WorkingSetMegabytes => "working set (MB)",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown runtime metric."),
    };

    /// <summary>A summary: duration, samples, and the peaks and totals that matter for a diagnosis.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        if (Samples.Count == 0)
        {
            return "no samples";
        }

        RuntimeSample first = Samples[0], last = Samples[^1];
        double seconds = Math.Max(Duration.TotalSeconds, 1e-9);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Samples.Count} samples over {Durations.Format(Duration)}{(Truncated ? " (capacity reached, truncated)" : "")}: "
            + $"pool threads {first.ThreadPoolThreads} -> peak {Peak(RuntimeMetric.ThreadPoolThreads):0}, peak queue {Peak(RuntimeMetric.ThreadPoolQueueLength):0}, "
            + $"{NumberText.Count(last.LockContentions - first.LockContentions)} lock contentions, "
            + $"GCs gen0/1/2 {last.Gen0Collections - first.Gen0Collections}/{last.Gen1Collections - first.Gen1Collections}/{last.Gen2Collections - first.Gen2Collections}, "
            + $"{(last.AllocatedBytes - first.AllocatedBytes) / 1048576.0:0.0} MB allocated, "
            + $"average CPU {100 * (last.CpuTime - first.CpuTime).TotalSeconds / (seconds * Environment.ProcessorCount):0} % of {Environment.ProcessorCount} cores");
    }

    private static bool IsRate(RuntimeMetric metric) => metric is RuntimeMetric.WorkItemsPerSecond or RuntimeMetric.LockContentionsPerSecond
        or RuntimeMetric.AllocationMegabytesPerSecond or RuntimeMetric.CpuPercent;

    private int IndexOf(string phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        for (int i = 0; i < Samples.Count; i++)
        {
            if (Samples[i].Phase == phase)
            {
                return i;
            }
        }

        throw new ArgumentException($"No sample has the phase '{phase}'. Phases: {string.Join(", ", Phases.Select(p => $"'{p}'"))}.", nameof(phase));
    }

    private double Value(RuntimeMetric metric, int i)
    {
        RuntimeSample s = Samples[i], first = Samples[0];
        RuntimeSample? previous = i > 0 ? Samples[i - 1] : null;
        double Rate(Func<RuntimeSample, double> counter)
        {
            if (previous is null)
            {
                return 0;
            }

            double seconds = (s.At - previous.At).TotalSeconds;
            return seconds <= 0 ? 0 : (counter(s) - counter(previous)) / seconds;
        }

        return metric switch
        {
            RuntimeMetric.ThreadPoolThreads => s.ThreadPoolThreads,
            RuntimeMetric.ThreadPoolQueueLength => s.ThreadPoolQueueLength,
            RuntimeMetric.WorkItemsPerSecond => Rate(x => x.CompletedWorkItems),
            RuntimeMetric.LockContentions => s.LockContentions - first.LockContentions,
            RuntimeMetric.LockContentionsPerSecond => Rate(x => x.LockContentions),
            RuntimeMetric.Gen0Collections => s.Gen0Collections - first.Gen0Collections,
            RuntimeMetric.Gen2Collections => s.Gen2Collections - first.Gen2Collections,
            RuntimeMetric.AllocatedMegabytes => (s.AllocatedBytes - first.AllocatedBytes) / 1048576.0,
            RuntimeMetric.AllocationMegabytesPerSecond => Rate(x => x.AllocatedBytes / 1048576.0),
            RuntimeMetric.CpuPercent => Rate(x => x.CpuTime.TotalSeconds) * 100 / Environment.ProcessorCount,
            RuntimeMetric.WorkingSetMegabytes => s.WorkingSetBytes / 1048576.0,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown runtime metric."),
        };
    }
}
