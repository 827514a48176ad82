using System.Globalization;

namespace Workbook.Threads;

/// <summary>One measurement of <see cref="SpeedupDemo"/>: the same work on <see cref="Threads"/> threads.</summary>
/// <param name="Threads">How many threads shared the work.</param>
/// <param name="Primes">The result they computed (identical for every thread count).</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Speedup">Time on 1 thread divided by time on <see cref="Threads"/> threads (1.0 for one thread).</param>
public sealed record SpeedupPoint(int Threads, int Primes, TimeSpan Elapsed, double Speedup)
{
    /// <summary>E.g. <c>4 threads: 148,933 primes in 412 ms, speedup 1.9×</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Threads} thread(s): {Primes:N0} primes in {Elapsed.TotalMilliseconds:N0} ms, speedup {Speedup:0.00}×");
}
