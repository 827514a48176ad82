namespace Workbook.Networking;

/// <summary>Settings of a <see cref="LineServer"/>; the defaults suit every demo.</summary>
/// <remarks>Immutable; validated once, when the server starts.</remarks>
public sealed record LineServerOptions
{
    /// <summary>The default longest line: 4,096 bytes.</summary>
    public const int DefaultMaxLineLength = 4096;

    /// <summary>The longest line accepted, in bytes without its line ending. A longer one is answered with "ERR line too long" and the connection is closed.</summary>
    public int MaxLineLength { get; init; } = DefaultMaxLineLength;

    /// <summary>How long disposal waits for connections to finish after closing them; 2 s by default.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws a clear exception for any setting the server cannot honour.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxLineLength, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShutdownTimeout, TimeSpan.Zero, nameof(ShutdownTimeout));
    }
}
