namespace Workbook.Processes;

/// <summary>
/// A work item threw inside the worker process. The worker reported the error and is still alive;
/// the item is not retried.
/// </summary>
public sealed class WorkItemFailedException : Exception
{
    /// <summary>Creates the exception from the worker's error report.</summary>
    /// <param name="itemLabel">The label of the failed item.</param>
    /// <param name="remoteType">Full type name of the exception thrown in the worker.</param>
    /// <param name="remoteMessage">Its message.</param>
    /// <param name="processId">The worker that ran the item.</param>
    public WorkItemFailedException(string itemLabel, string remoteType, string remoteMessage, int processId)
        : base($"Work item '{itemLabel}' failed in worker process {processId}: {remoteType}: {remoteMessage}")
    {
        ItemLabel = itemLabel;
        RemoteType = remoteType;
        RemoteMessage = remoteMessage;
        ProcessId = processId;
    }

    /// <summary>The label of the failed item.</summary>
    public string ItemLabel { get; }

    /// <summary>Full type name of the exception thrown in the worker, e.g. <c>System.InvalidOperationException</c>.</summary>
    public string RemoteType { get; }

    /// <summary>The message of the exception thrown in the worker.</summary>
    public string RemoteMessage { get; }

    /// <summary>The worker that ran the item.</summary>
    public int ProcessId { get; }
}
