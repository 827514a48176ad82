namespace Workbook.Async;

/// <summary>Bounded waits for the exercise checks, which run on a thread of their own and may block.</summary>
internal static class CheckWaits
{
    /// <summary>Waits until <paramref name="task"/> ends in any way, or <paramref name="bound"/> passes.</summary>
    /// <returns>True when the task ended (successfully, faulted or cancelled).</returns>
    /// <exception cref="OperationCanceledException">The check's own time limit passed.</exception>
    public static bool Ended(Task task, TimeSpan bound, CancellationToken checkToken) =>

        // WhenAny never faults, so this waits for the end without throwing the task's exception.
        Task.WhenAny(task).Wait(bound, checkToken);

    /// <summary>Polls <paramref name="condition"/> every few milliseconds until it holds or <paramref name="bound"/> passes.</summary>
    /// <returns>Whether the condition held in time.</returns>
    public static bool Until(Func<bool> condition, TimeSpan bound, CancellationToken checkToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed >= bound)
            {
                return false;
            }

            checkToken.ThrowIfCancellationRequested();
            Thread.Sleep(2);
        }

        return true;
    }

    /// <summary>The exceptions a finished task holds, with aggregates flattened.</summary>
    public static IReadOnlyList<Exception> Errors(Task task) =>
        task.Exception is { } aggregate ? aggregate.Flatten().InnerExceptions : [];

    /// <summary>Whether the task ended by cancellation (cancelled, or faulted with an <see cref="OperationCanceledException"/>).</summary>
    public static bool EndedCancelled(Task task) =>
        task.IsCanceled || (task.IsFaulted && Errors(task).All(e => e is OperationCanceledException));

    /// <summary>Describes how a finished task ended, for failure messages.</summary>
    public static string Describe(Task task) => task switch
    {
        { IsCanceled: true } => "was cancelled",
        { IsFaulted: true } => $"threw {string.Join(", ", Errors(task).Select(e => $"{e.GetType().Name} ({e.Message})"))}",
        _ => "finished normally",
    };
}
