using Workbook.Balancing;

namespace Workbook.BalancingExercises;

/// <summary>One request's claim on a backend, handed out by <see cref="ILeastConnections.Pick"/> (exercise 07.2).</summary>
/// <remarks>
/// The first call of <see cref="Complete"/> or <see cref="IDisposable.Dispose"/> ends the ticket
/// and makes the request no longer outstanding; later calls do nothing. Dispose without
/// Complete means the caller gave up (cancelled). Calls may race on different threads.
/// </remarks>
public interface IRequestTicket : IDisposable
{
    /// <summary>The backend the request was sent to.</summary>
    int Backend { get; }

    /// <summary>Ends the request with the given outcome (success, failure or cancelled).</summary>
    /// <param name="outcome">How it ended.</param>
    void Complete(RequestOutcome outcome);
}
