namespace Workbook.Threads;

/// <summary>Holds one lazily created <see cref="Connection"/> (exercise 01.4).</summary>
/// <remarks>
/// A correct implementation runs the factory exactly once, even when many threads call
/// <see cref="GetOrCreate"/> at the same moment, and gives every caller that one connection.
/// </remarks>
public interface IOnceCell
{
    /// <summary>Returns the connection, creating it with <paramref name="open"/> on the very first call only.</summary>
    /// <param name="open">Creates the connection; expensive, so it must run once.</param>
    /// <returns>The one shared connection.</returns>
    Connection GetOrCreate(Func<Connection> open);
}
