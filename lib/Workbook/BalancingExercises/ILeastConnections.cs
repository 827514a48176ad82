namespace Workbook.BalancingExercises;

/// <summary>A least-connections balancer you write (exercise 07.2).</summary>
/// <remarks>
/// <para><see cref="Pick"/> sends the request to a backend with the fewest outstanding requests
/// and counts it there; ending its ticket, in any way, stops counting it. A request that failed
/// or was cancelled is over too, and a ticket ended twice (Complete, then Dispose at the end of a
/// <c>using</c> block) must still count only once.</para>
/// <para>Thread-safety: a correct answer allows <see cref="Pick"/> and ticket endings from many
/// threads at once, and its counts return exactly to 0 when every ticket has ended.</para>
/// </remarks>
public interface ILeastConnections
{
    /// <summary>How many backends it balances over; they are numbered 0..Count-1.</summary>
    int Count { get; }

    /// <summary>Chooses a backend with the fewest outstanding requests and counts this request as outstanding on it.</summary>
    /// <returns>The request's ticket; end it with <see cref="IRequestTicket.Complete"/> or <see cref="IDisposable.Dispose"/>.</returns>
    IRequestTicket Pick();

    /// <summary>Requests picked for <paramref name="backend"/> whose ticket has not ended yet.</summary>
    /// <param name="backend">A backend number, 0..Count-1.</param>
    /// <returns>The count.</returns>
    int Outstanding(int backend);
}
