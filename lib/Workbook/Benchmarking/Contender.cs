namespace Workbook.Benchmarking;

/// <summary>
/// One side of a side-by-side measurement: a name, the unit of its samples, and the code that
/// takes one sample (e.g. runs the workload once and returns the seconds it took).
/// </summary>
/// <param name="Name">What is measured, e.g. "sequential" or "wrk" (not empty, unique within a comparison).</param>
/// <param name="Unit">The unit of the samples, e.g. "s" or "req/s".</param>
/// <param name="Measure">Takes one sample. It must return a finite, non-negative number; it may throw to fail the measurement.</param>
/// <remarks>Immutable; <see cref="InterleavedRounds"/> calls <see cref="Measure"/> once per round, never two contenders at once.</remarks>
public sealed record Contender(string Name, string Unit, Func<CancellationToken, ValueTask<double>> Measure)
{
    /// <summary>A contender whose sample is the wall time, in seconds, of running <paramref name="work"/> once.</summary>
    /// <param name="name">What is measured.</param>
    /// <param name="work">The work; its result is ignored.</param>
    /// <returns>The contender (unit "s").</returns>
    public static Contender Timed(string name, Action work)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(work);
        return new Contender(name, "s", _ =>
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            work();
            return ValueTask.FromResult(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        });
    }

    /// <summary>A contender whose sample is the wall time, in seconds, of awaiting <paramref name="work"/> once.</summary>
    /// <param name="name">What is measured.</param>
    /// <param name="work">The asynchronous work.</param>
    /// <returns>The contender (unit "s").</returns>
    public static Contender TimedAsync(string name, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(work);
        return new Contender(name, "s", async cancellationToken =>
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            await work(cancellationToken).ConfigureAwait(false);
            return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        });
    }

    /// <summary>The name and unit.</summary>
    /// <returns>E.g. <c>sequential (s)</c>.</returns>
    public override string ToString() => $"{Name} ({Unit})";
}
