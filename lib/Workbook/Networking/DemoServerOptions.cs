namespace Workbook.Networking;

/// <summary>
/// How a <see cref="DemoServer"/> behaves: its name, its limits and any latency added to every
/// request. Every property has a sensible default, so <c>new DemoServerOptions()</c> (or passing
/// <see langword="null"/>) gives a fast, healthy server called "demo".
/// </summary>
/// <remarks>Immutable; the server validates it once, when it starts.</remarks>
public sealed record DemoServerOptions
{
    /// <summary>The default request-body limit: 64 KiB. Larger bodies are answered with 413.</summary>
    public const long DefaultMaxRequestBodySize = 64 * 1024;

    /// <summary>The server's name, sent in the <c>X-Backend</c> header of every response; "demo" by default.</summary>
    public string Name { get; init; } = "demo";

    /// <summary>
    /// The TCP port to listen on: 0 (the default) lets the operating system choose a free one. Set it to
    /// a port a stopped server used, to start a replacement at the same address (e.g. a restarted backend).
    /// </summary>
    public int Port { get; init; }

    /// <summary>
    /// The largest request body accepted, in bytes (<see cref="DefaultMaxRequestBodySize"/> by default).
    /// A body declared larger gets 413 at once; the server then reads and drops up to 8 MiB of it, so a
    /// client that is already sending reads the 413 rather than a broken connection.
    /// </summary>
    public long MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>The most TCP connections Kestrel keeps open at once; further ones are closed at once. Null (the default) means no limit.</summary>
    public long? MaxConcurrentConnections { get; init; }

    /// <summary>Latency added to every request before it is handled (zero by default): makes one backend of a farm "slow".</summary>
    public TimeSpan ExtraLatency { get; init; } = TimeSpan.Zero;

    /// <summary>Whether the server starts in faulty mode (every request but <c>/stats</c> answered with 500); see <see cref="DemoServer.SetFaulty"/>.</summary>
    public bool Faulty { get; init; }

    /// <summary>How long <see cref="DemoServer.DisposeAsync"/> lets in-flight requests finish before it aborts them; 2 s by default.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock behind <c>/delay</c> and <see cref="ExtraLatency"/>; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws a clear exception for any setting the server cannot honour.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(char.IsControl))
        {
            throw new ArgumentException($"The server name '{Name}' must be non-blank text without control characters: it is sent as an HTTP header value.", nameof(Name));
        }

        if (Port is < 0 or > 65_535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be 0 (any free port) or between 1 and 65535.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRequestBodySize, nameof(MaxRequestBodySize));
        if (MaxConcurrentConnections is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(MaxConcurrentConnections));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ExtraLatency, TimeSpan.Zero, nameof(ExtraLatency));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
