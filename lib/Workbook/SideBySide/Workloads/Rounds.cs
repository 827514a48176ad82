using Workbook.Measurement;

namespace Workbook.SideBySide;

/// <summary>
/// The timing rule both sides follow: every configuration runs once per round, rounds repeat, and
/// each configuration keeps its best time, so a burst of background load spoils one sample of one
/// configuration instead of whichever configuration happened to run during it.
/// </summary>
/// <remarks>Stateless; runs the configurations one at a time on the caller's flow.</remarks>
internal static class Rounds
{
    /// <summary>
    /// Rounds for the C# side of CPU-bound workloads: at least ten. Its runs last milliseconds where
    /// CPython's last tenths of seconds, so a single scheduler hiccup would weigh far more without them.
    /// </summary>
    public static int ForShortRuns(long repeats) => (int)Math.Max(repeats, 10);

    /// <summary>Runs the configurations in <paramref name="rounds"/> rounds; returns best seconds and each one's value.</summary>
    /// <exception cref="InvalidOperationException">A configuration computed different values in different rounds.</exception>
    public static async Task<(Dictionary<string, double> Best, Dictionary<string, T> Values)> RunAsync<T>(
        int rounds,
        IReadOnlyList<(string Name, Func<Task<T>> Run)> configurations,
        CancellationToken cancellationToken)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string name, Func<Task<T>> run) in configurations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Timed<T> timed = await Measure.TimeAsync(run).ConfigureAwait(false);
                if (values.TryGetValue(name, out T? earlier) && !EqualityComparer<T>.Default.Equals(earlier, timed.Value))
                {
                    throw new InvalidOperationException($"{name} computed {timed.Value} in round {round} but {earlier} before: the workload is not deterministic.");
                }

                values[name] = timed.Value;
                double seconds = timed.Elapsed.TotalSeconds;
                best[name] = best.TryGetValue(name, out double sofar) ? Math.Min(sofar, seconds) : seconds;
            }
        }

        return (best, values);
    }

    /// <summary>The synchronous form, for CPU-bound configurations.</summary>
    public static (Dictionary<string, double> Best, Dictionary<string, T> Values) Run<T>(
        int rounds,
        IReadOnlyList<(string Name, Func<T> Run)> configurations,
        CancellationToken cancellationToken) =>
        RunAsync<T>(rounds, [.. configurations.Select(c => (c.Name, (Func<Task<T>>)(() => Task.FromResult(c.Run()))))], cancellationToken)
            .GetAwaiter().GetResult();

    /// <summary>The one value every configuration must agree on.</summary>
    /// <exception cref="InvalidOperationException">They disagree (the message lists them).</exception>
    public static T Same<T>(Dictionary<string, T> values, string what)
    {
        T[] distinct = [.. values.Values.Distinct()];
        return distinct.Length == 1
            ? distinct[0]
            : throw new InvalidOperationException($"The configurations disagree about {what}: {string.Join(", ", values.Select(p => $"{p.Key}={p.Value}"))}.");
    }

    /// <summary>A measurement from named results and best times.</summary>
    public static SideMeasurement Measurement(IEnumerable<(string Name, long Value)> result, Dictionary<string, double> seconds) =>
        new(result.Select(r => KeyValuePair.Create(r.Name, r.Value)), seconds);
}
