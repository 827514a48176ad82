namespace Workbook.Capstone;

/// <summary>The service's admission queue was full, so the request was turned away (the front end answers 503).</summary>
public sealed class QueueFullException : Exception
{
    /// <summary>Creates the exception with a message naming the queue's capacity.</summary>
    /// <param name="capacity">The capacity that was reached.</param>
    public QueueFullException(int capacity)
        : base($"The admission queue is full ({capacity} jobs waiting); try again shortly.") => Capacity = capacity;

    /// <summary>The capacity that was reached.</summary>
    public int Capacity { get; }
}
