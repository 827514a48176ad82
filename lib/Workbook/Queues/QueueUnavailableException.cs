namespace Workbook.Queues;

/// <summary>The broker behind an <see cref="IMessageQueue"/> could not be reached or stopped answering.</summary>
public sealed class QueueUnavailableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was unreachable and what to check.</param>
    public QueueUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the client library's error.</summary>
    /// <param name="message">What was unreachable and what to check.</param>
    /// <param name="innerException">The underlying error.</param>
    public QueueUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public QueueUnavailableException()
        : base("The message broker is unavailable.")
    {
    }
}
