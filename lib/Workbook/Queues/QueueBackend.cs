namespace Workbook.Queues;

/// <summary>Which broker <see cref="MessageQueues.OpenAsync"/> should use.</summary>
public enum QueueBackend
{
    /// <summary>Redis when redis-server is installed and starts, otherwise the in-process queue.</summary>
    Auto,

    /// <summary>Redis, or an exception saying how to install it.</summary>
    Redis,

    /// <summary>The in-process Channel queue, even if Redis is available.</summary>
    InProcess,
}
