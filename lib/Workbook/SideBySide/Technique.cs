namespace Workbook.SideBySide;

/// <summary>
/// The eight techniques of the article the workbook follows, each with one small workload that
/// runs in CPython and in C# side by side (<see cref="PythonVsCSharp.RunAsync"/>).
/// </summary>
public enum Technique
{
    /// <summary>CPU-bound work on threads: <c>ThreadPoolExecutor</c> vs .NET threads (the GIL).</summary>
    Threads,

    /// <summary>CPU-bound work on a process pool: <c>multiprocessing.Pool</c> vs the workbook's <c>ProcessPool</c>.</summary>
    Processes,

    /// <summary>100,000 concurrent waits: <c>asyncio.gather</c> vs <c>Task.WhenAll</c>.</summary>
    Async,

    /// <summary>Items produced lazily: a generator (<c>yield</c>) vs an iterator (<c>yield return</c>), per item.</summary>
    Generators,

    /// <summary>Request/reply over TCP on 127.0.0.1: asyncio streams vs the workbook's socket line server.</summary>
    Networking,

    /// <summary>Producer to consumer hand-off: <c>queue.Queue</c>/<c>asyncio.Queue</c> vs <c>BlockingCollection</c>/<c>Channel</c>.</summary>
    Queues,

    /// <summary>Round-robin, weighted round-robin and least connections over the same request trace.</summary>
    Balancing,

    /// <summary>Tuning by caching: <c>functools.lru_cache</c> vs a C# LRU cache with the same semantics.</summary>
    Caching,
}
