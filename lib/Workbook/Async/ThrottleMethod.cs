namespace Workbook.Async;

/// <summary>How <see cref="Throttling"/> limits the number of downloads in flight.</summary>
public enum ThrottleMethod
{
    /// <summary>Start every download at once, each first awaiting <c>SemaphoreSlim.WaitAsync</c> and releasing it in <c>finally</c>.</summary>
    SemaphoreSlim,

    /// <summary><c>Parallel.ForEachAsync</c> with <c>MaxDegreeOfParallelism</c>: a fixed set of workers take the next item.</summary>
    ParallelForEachAsync,

    /// <summary>No limit at all: <c>Task.WhenAll</c> over every download (the baseline).</summary>
    Unlimited,
}
