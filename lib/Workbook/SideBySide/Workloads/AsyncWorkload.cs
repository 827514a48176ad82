using System.Diagnostics;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Async"/>: many <c>await Task.Delay</c> operations pending at
/// once and joined with <c>Task.WhenAll</c>, the counterpart of <c>asyncio.gather</c> over
/// <c>asyncio.sleep</c>. Each returns its index, so the sum proves every one completed once.
/// </summary>
internal static class AsyncWorkload
{
    public static async Task<SideMeasurement> RunAsync(Workload workload, CancellationToken cancellationToken)
    {
        int waits = workload.Int("waits");
        var delay = TimeSpan.FromMilliseconds(workload["delay-ms"]);
        await FanOutAsync(Math.Min(waits, 100), TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);

        double best = double.MaxValue;
        (long Completed, long Checksum) outcome = default;
        for (int round = 0; round < workload.Int("repeats"); round++)
        {
            (double seconds, long completed, long checksum) = await FanOutAsync(waits, delay, cancellationToken).ConfigureAwait(false);
            outcome = (completed, checksum);
            best = Math.Min(best, seconds);
        }

        return Rounds.Measurement([("completed", outcome.Completed), ("checksum", outcome.Checksum)], new() { ["wall"] = best });
    }

    private static async Task<(double Seconds, long Completed, long Checksum)> FanOutAsync(int waits, TimeSpan delay, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        var pending = new Task<int>[waits];
        for (int i = 0; i < waits; i++)
        {
            pending[i] = WaitAsync(i, delay, cancellationToken);
        }

        int[] values = await Task.WhenAll(pending).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (seconds, values.Length, values.Sum(v => (long)v));
    }

    private static async Task<int> WaitAsync(int index, TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return index;
    }
}
