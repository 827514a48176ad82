namespace Workbook.Async;

/// <summary>Settings of a <see cref="StarvationDemo"/> run; every property has a sensible default.</summary>
/// <remarks>
/// <see cref="GiveUpAfter"/> is a duration rather than a cancellation token on purpose: a token
/// cancelled by <c>CancelAfter</c> relies on a timer, and timer callbacks run on thread-pool threads,
/// which are exactly what a starved pool does not have. The demo's own sampler thread enforces it.
/// </remarks>
public sealed record StarvationOptions
{
    /// <summary>How long each request's simulated I/O takes (100 ms).</summary>
    public TimeSpan Io { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the sampler reads the pool (50 ms).</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>When to cancel the remaining requests and stop (60 s): the guarantee that the demo ends.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);
}
