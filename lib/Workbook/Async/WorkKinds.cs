using System.Diagnostics;

namespace Workbook.Async;

/// <summary>
/// The same batch of operations as I/O waits and as CPU work, each run one after another, with
/// <c>Task.WhenAll</c>, and with <c>Task.Run</c> + <c>Task.WhenAll</c>: await overlaps waiting, only
/// threads (and cores) overlap computing.
/// </summary>
/// <remarks>
/// Stateless and thread-safe, but it measures timing, so run it alone. Cancelling stops the
/// current batch with <see cref="OperationCanceledException"/>.
/// </remarks>
public static class WorkKinds
{
    /// <summary>The label of the I/O batches.</summary>
    public const string IoWait = "I/O wait";

    /// <summary>The label of the CPU batches.</summary>
    public const string CpuWork = "CPU work";

    /// <summary>Runs all six batches (two kinds of work × three styles), I/O first, each the best of <paramref name="rounds"/> tries.</summary>
    /// <param name="operations">Operations per batch (at least 1).</param>
    /// <param name="each">How long one operation takes alone (at least 1 ms); 50 ms when null.</param>
    /// <param name="rounds">
    /// How often each batch runs; the fastest counts (at least 1). Other programs can only ever slow a
    /// batch down, so the fastest of a few tries is the one closest to what the code itself costs.
    /// </param>
    /// <param name="cancellationToken">Stops early.</param>
    /// <returns>Six results, I/O then CPU, each in <see cref="WorkStyle"/> order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static async Task<IReadOnlyList<WorkKindResult>> CompareAsync(
        int operations = 8, TimeSpan? each = null, int rounds = 5, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        TimeSpan one = each ?? TimeSpan.FromMilliseconds(50);
        ArgumentOutOfRangeException.ThrowIfLessThan(one, TimeSpan.FromMilliseconds(1), nameof(each));
        CpuBurn burn = CpuBurn.Calibrate(one);

        Task Io() => Task.Delay(one, cancellationToken);

#pragma warning disable CS1998 // Deliberately async without await: this is how CPU work dressed up as async looks.
        async Task Cpu() { burn.Run(cancellationToken); }
#pragma warning restore CS1998

        var results = new List<WorkKindResult>();
        WorkStyle[] styles = Enum.GetValues<WorkStyle>();
        foreach (var (name, operation) in new[] { (IoWait, (Func<Task>)Io), (CpuWork, Cpu) })
        {
            // Rounds go through the styles in turn, so a burst of outside load slows every style
            // alike instead of spoiling all tries of one of them; the fastest try of each counts.
            var best = styles.ToDictionary(style => style, _ => TimeSpan.MaxValue);
            for (int round = 0; round < rounds; round++)
            {
                foreach (WorkStyle style in styles)
                {
                    TimeSpan once = await TimeBatchAsync(style, operations, operation).ConfigureAwait(false);
                    best[style] = once < best[style] ? once : best[style];
                }
            }

            TimeSpan single = best[WorkStyle.OneAfterAnother] / operations;
            results.AddRange(styles.Select(style => new WorkKindResult(name, style, operations, one, best[style], single)));
        }

        return results;
    }

    private static async Task<TimeSpan> TimeBatchAsync(WorkStyle style, int operations, Func<Task> operation)
    {
        long start = Stopwatch.GetTimestamp();
        switch (style)
        {
            case WorkStyle.OneAfterAnother:
                for (int i = 0; i < operations; i++)
                {
                    await operation().ConfigureAwait(false);
                }

                break;
            case WorkStyle.WhenAll:
                await Task.WhenAll(Enumerable.Range(0, operations).Select(_ => operation())).ConfigureAwait(false);
                break;
            default:
                await Task.WhenAll(Enumerable.Range(0, operations).Select(_ => Task.Run(operation))).ConfigureAwait(false);
                break;
        }

        return Stopwatch.GetElapsedTime(start);
    }
}
