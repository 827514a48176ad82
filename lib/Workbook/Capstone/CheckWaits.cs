namespace Workbook.Capstone;

/// <summary>Bounded waits for the capstone checkers: nothing a learner's code does can make a check hang.</summary>
internal static class CheckWaits
{
    /// <summary>How long a check waits for something that should happen at once.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>Calls <paramref name="start"/> on a dedicated thread and returns what it returned, or null if it did not return in time.</summary>
    /// <remarks>A call that blocks (say, on <c>.Result</c>) is detected instead of blocking the check; its thread is abandoned.</remarks>
    public static T? CallWithin<T>(Func<T> start, TimeSpan within, CancellationToken cancellationToken)
        where T : class
    {
        Task<T> call = Task.Factory.StartNew(start, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return call.Wait(within, cancellationToken) ? call.Result : null;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Waits for <paramref name="task"/> to finish, in any state, for at most <paramref name="within"/>.</summary>
    /// <returns>True when it finished in time.</returns>
    public static bool Settles(Task task, TimeSpan within, CancellationToken cancellationToken)
    {
        try
        {
            task.Wait(within, cancellationToken);
        }
        catch (AggregateException)
        {
            // Faulted or cancelled: it did finish; the caller inspects how.
        }

        return task.IsCompleted;
    }

    /// <summary>The exception a finished task ended with (its single inner exception), or null if it succeeded.</summary>
    public static Exception? ErrorOf(Task task)
    {
        if (task.IsCanceled)
        {
            return new TaskCanceledException(task);
        }

        return task.Exception is { } aggregate ? (aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate) : null;
    }

    /// <summary>How a finished task ended, in words: "completed with 12", "failed with X", "was cancelled".</summary>
    public static string Describe<T>(Task<T> task) => task.Status switch
    {
        TaskStatus.RanToCompletion => $"completed with {task.Result}",
        TaskStatus.Canceled => "was cancelled",
        TaskStatus.Faulted => $"failed with {ErrorOf(task)!.GetType().Name}",
        _ => "was still running",
    };
}
