namespace Workbook.Measurement;

/// <summary>
/// Times work with the high-resolution clock: once, or repeatedly after warm-up runs so the
/// first-call costs (JIT, caches, thread-pool growth) do not distort the result.
/// </summary>
/// <remarks>
/// Every method takes an optional <see cref="TimeProvider"/>; the default,
/// <see cref="TimeProvider.System"/>, reads <see cref="System.Diagnostics.Stopwatch"/> ticks.
/// The work runs on the calling thread (or continues wherever its awaits resume);
/// the methods themselves keep no shared state and may be called from several threads at once.
/// </remarks>
public static class Measure
{
    /// <summary>How many measured runs <see cref="Repeat"/> makes unless told otherwise.</summary>
    public const int DefaultRepetitions = 30;

    /// <summary>How many discarded warm-up runs <see cref="Repeat"/> makes unless told otherwise.</summary>
    public const int DefaultWarmup = 3;

    /// <summary>Runs <paramref name="work"/> <paramref name="warmup"/> times unmeasured, then <paramref name="repetitions"/> times measured.</summary>
    /// <param name="work">The work to time.</param>
    /// <param name="repetitions">Measured runs; at least 1.</param>
    /// <param name="warmup">Discarded runs made first; 0 or more.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Checked before every run; cancelling stops with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The duration of each measured run and their statistics.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repetitions"/> is below 1 or <paramref name="warmup"/> is negative.</exception>
    public static Timings Repeat(
        Action work,
        int repetitions = DefaultRepetitions,
        int warmup = DefaultWarmup,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ValidateCounts(repetitions, warmup);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        for (int i = 0; i < warmup; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            work();
        }
        var samples = new TimeSpan[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = clock.GetTimestamp();
            work();
            samples[i] = clock.GetElapsedTime(start);
        }
        return new Timings(samples);
    }

    /// <summary>The asynchronous twin of <see cref="Repeat"/>: awaits each run before starting the next.</summary>
    /// <param name="work">The asynchronous work to time; each run is awaited to completion.</param>
    /// <param name="repetitions">Measured runs; at least 1.</param>
    /// <param name="warmup">Discarded runs made first; 0 or more.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Checked before every run; cancelling stops with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The duration of each measured run and their statistics.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repetitions"/> is below 1 or <paramref name="warmup"/> is negative.</exception>
    public static async Task<Timings> RepeatAsync(
        Func<Task> work,
        int repetitions = DefaultRepetitions,
        int warmup = DefaultWarmup,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ValidateCounts(repetitions, warmup);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        for (int i = 0; i < warmup; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await work().ConfigureAwait(false);
        }
        var samples = new TimeSpan[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = clock.GetTimestamp();
            await work().ConfigureAwait(false);
            samples[i] = clock.GetElapsedTime(start);
        }
        return new Timings(samples);
    }

    /// <summary>Runs <paramref name="work"/> once and returns how long it took.</summary>
    /// <param name="work">The work to time.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The elapsed time.</returns>
    public static TimeSpan Once(Action work, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        long start = clock.GetTimestamp();
        work();
        return clock.GetElapsedTime(start);
    }

    /// <summary>Runs and awaits <paramref name="work"/> once and returns how long it took.</summary>
    /// <param name="work">The asynchronous work to time.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The elapsed time.</returns>
    public static async Task<TimeSpan> OnceAsync(Func<Task> work, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        long start = clock.GetTimestamp();
        await work().ConfigureAwait(false);
        return clock.GetElapsedTime(start);
    }

    /// <summary>Runs <paramref name="work"/> once and returns its value with the elapsed time.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="work">The function to time.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The value and how long computing it took.</returns>
    public static Timed<T> Time<T>(Func<T> work, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        long start = clock.GetTimestamp();
        T value = work();
        return new Timed<T>(value, clock.GetElapsedTime(start));
    }

    /// <summary>Runs and awaits <paramref name="work"/> once and returns its value with the elapsed time.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="work">The asynchronous function to time.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The value and how long computing it took.</returns>
    public static async Task<Timed<T>> TimeAsync<T>(Func<Task<T>> work, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        TimeProvider clock = timeProvider ?? TimeProvider.System;
        long start = clock.GetTimestamp();
        T value = await work().ConfigureAwait(false);
        return new Timed<T>(value, clock.GetElapsedTime(start));
    }

    private static void ValidateCounts(int repetitions, int warmup)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
    }
}
