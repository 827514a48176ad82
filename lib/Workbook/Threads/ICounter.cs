namespace Workbook.Threads;

/// <summary>A counter that many threads increment (exercise 01.1).</summary>
/// <remarks>
/// Implementations for exercise 01.1 must be safe to call from many threads at once: after
/// N threads each call <see cref="Increment"/> M times and have finished, <see cref="Value"/>
/// must be exactly N × M.
/// </remarks>
public interface ICounter
{
    /// <summary>Adds one to the count.</summary>
    void Increment();

    /// <summary>The number of increments so far.</summary>
    long Value { get; }
}
