namespace Workbook.Capstone;

/// <summary>
/// Your own implementations of the checkpoint parts, used by the service instead of the library's:
/// e.g. <c>ServiceConfig.Final with { Parts = new() { Cache = () => new QuoteCache() } }</c>.
/// A part left null uses the library's reference implementation.
/// </summary>
/// <remarks>Immutable. Each factory is called once per service instance, so every instance gets its own object.</remarks>
public sealed record ServiceParts
{
    /// <summary>The handler that sends the CPU work to the workers (checkpoint 09.1).</summary>
    public Func<IQuoteHandler>? Handler { get; init; }

    /// <summary>The bounded admission queue (checkpoint 09.2).</summary>
    public Func<IAdmissionQueue>? Queue { get; init; }

    /// <summary>The single-flight cache (checkpoint 09.3).</summary>
    public Func<IQuoteCache>? Cache { get; init; }

    /// <summary>The router that spreads requests over the instances and retries a failure elsewhere (checkpoint 09.4).</summary>
    public Func<IInstanceRouter>? Router { get; init; }

    /// <summary>Which parts are your own, e.g. "your cache, your router", or "library parts".</summary>
    /// <returns>A short description.</returns>
    public override string ToString()
    {
        var own = new List<string>();
        if (Handler is not null)
        {
            own.Add("your handler");
        }

        if (Queue is not null)
        {
            own.Add("your queue");
        }

        if (Cache is not null)
        {
            own.Add("your cache");
        }

        if (Router is not null)
        {
            own.Add("your router");
        }

        return own.Count == 0 ? "library parts" : string.Join(", ", own);
    }
}
