namespace Workbook.Coroutines;

/// <summary>A pipeline stage that groups a stream of items into arrays of a fixed size (exercise 04.1).</summary>
/// <remarks>
/// Implementations for exercise 04.1 must be lazy and streaming: calling <see cref="Batch{T}"/>
/// pulls nothing; each batch is handed out as soon as it is full, having pulled only its own
/// items; the last batch may be shorter; every batch is a new array; and disposing the batches'
/// enumerator disposes the source's.
/// </remarks>
public interface IBatcher
{
    /// <summary>Groups <paramref name="source"/> into arrays of <paramref name="size"/> items; the last may hold fewer.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; possibly endless.</param>
    /// <param name="size">Items per batch; at least 1.</param>
    /// <returns>The batches, produced lazily.</returns>
    IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size);
}
