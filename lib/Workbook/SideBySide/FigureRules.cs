using System.Globalization;

namespace Workbook.SideBySide;

/// <summary>
/// The comparison math: turns the two sides' raw times and counts into figures, with one rule
/// per technique applied identically to both sides. The first figure is the technique's headline.
/// </summary>
/// <remarks>Pure functions: thread-safe.</remarks>
internal static class FigureRules
{
    /// <summary>Seconds to nanoseconds, microseconds, milliseconds.</summary>
    private const double Nano = 1e9, Micro = 1e6, Milli = 1e3;

    /// <summary>The figures of one technique, headline first.</summary>
    /// <exception cref="KeyNotFoundException">A side lacks a time the rule needs (the message names it).</exception>
    public static IReadOnlyList<Figure> For(Workload workload, SideMeasurement python, SideMeasurement csharp)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(python);
        ArgumentNullException.ThrowIfNull(csharp);
        Figure Make(string name, string unit, Func<SideMeasurement, double> rule, Better better, FigureKind kind, double? ideal = null) =>
            new(name, unit, rule(python), rule(csharp), better, kind, ideal);

        long workers = workload.Parameters.FirstOrDefault(p => p.Key == "workers").Value;
        return workload.Technique switch
        {
            Technique.Threads =>
            [
                Make(Text($"speedup with {workers} threads"), "×", s => s.Time("sequential") / s.Time("threads"), Better.Higher, FigureKind.Scaling, workers),
                Make("time per number tested, one thread", "ns", s => s.Time("sequential") / workload["limit"] * Nano, Better.Lower, FigureKind.Speed),
            ],
            Technique.Processes =>
            [
                Make(Text($"speedup with {workers} processes"), "×", s => s.Time("sequential") / s.Time("processes"), Better.Higher, FigureKind.Scaling, workers),
                Make(Text($"counting on {workers} processes"), "ms", s => s.Time("processes") * Milli, Better.Lower, FigureKind.Speed),
                Make(Text($"starting a pool of {workers} processes"), "ms", s => s.Time("start") * Milli, Better.Lower, FigureKind.Speed),
            ],
            Technique.Async =>
            [
                Make(Text($"all {workload["waits"]:N0} waits ÷ one wait"), "×", s => s.Time("wall") / Delay(workload), Better.Lower, FigureKind.Scaling, 1),
                Make("overhead per wait", "µs", s => Overhead(s.Time("wall"), workload) * Micro, Better.Lower, FigureKind.Speed),
            ],
            Technique.Generators =>
            [
                Make("time per item, generator/iterator", "ns", s => s.Time("generator") / workload["items"] * Nano, Better.Lower, FigureKind.Speed),
                Make("time per item, plain loop", "ns", s => s.Time("loop") / workload["items"] * Nano, Better.Lower, FigureKind.Speed),
                Make("generator ÷ plain loop", "×", s => s.Time("generator") / s.Time("loop"), Better.Lower, FigureKind.Scaling, 1),
            ],
            Technique.Networking =>
            [
                Make("round trips per second", "/s", s => workload["clients"] * workload["exchanges"] / s.Time("exchanges"), Better.Higher, FigureKind.Speed),
                Make("time per round trip (all clients together)", "µs", s => s.Time("exchanges") / (workload["clients"] * workload["exchanges"]) * Micro, Better.Lower, FigureKind.Speed),
            ],
            Technique.Queues =>
            [
                Make("hand-off, blocking queue and two threads", "items/s", s => workload["items"] / s.Time("blocking"), Better.Higher, FigureKind.Speed),
                Make("hand-off, async queue", "items/s", s => workload["items"] / s.Time("async"), Better.Higher, FigureKind.Speed),
                Make("async queue ÷ blocking queue", "×", s => s.Time("blocking") / s.Time("async"), Better.Higher, FigureKind.Scaling),
            ],
            Technique.Balancing =>
            [
                .. new[] { "least-connections", "round-robin", "weighted-round-robin" }.Select(policy =>
                    Make(Text($"{policy}, per request"), "ns", s => s.Time(policy) / workload["requests"] * Nano, Better.Lower, FigureKind.Speed)),
            ],
            Technique.Caching =>
            [
                Make("speedup from the cache", "×", s => s.Time("uncached") / s.Time("cached"), Better.Higher, FigureKind.Scaling),
                Make("time per call, uncached", "µs", s => s.Time("uncached") / workload["calls"] * Micro, Better.Lower, FigureKind.Speed),
                Make("time per call, cached", "µs", s => s.Time("cached") / workload["calls"] * Micro, Better.Lower, FigureKind.Speed),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload.Technique, "Unknown technique."),
        };
    }

    /// <summary>The length of one wait of the async workload, in seconds.</summary>
    internal static double Delay(Workload workload) => workload["delay-ms"] / Milli;

    /// <summary>
    /// What the fan-out cost beyond the wait itself, per wait, in seconds. The waits overlap, so the
    /// ideal wall time is one wait; everything above it is the price of creating, scheduling and
    /// completing them. Never below a nanosecond, so ratios stay finite when a clock rounds early.
    /// </summary>
    internal static double Overhead(double wallSeconds, Workload workload) =>
        Math.Max(wallSeconds - Delay(workload), 1e-9 * workload["waits"]) / workload["waits"];

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
