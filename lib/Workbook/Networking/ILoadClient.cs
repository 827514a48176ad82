namespace Workbook.Networking;

/// <summary>One closed-loop client of a <see cref="LoadGenerator"/> run: sends a request, waits for the whole response, measures it.</summary>
/// <remarks>Not thread-safe: its client loop calls it one request at a time, then disposes it.</remarks>
internal interface ILoadClient : IDisposable
{
    /// <summary>Sends one request and reads its whole body.</summary>
    /// <param name="start">The timestamp the latency is measured from.</param>
    /// <param name="timeout">Cancelled when the request has taken too long, or when the run is cancelled.</param>
    /// <returns>The sample; a failure is recorded in it, not thrown.</returns>
    /// <exception cref="OperationCanceledException">The whole run was cancelled.</exception>
    ValueTask<RequestSample> SendAsync(long start, CancellationToken timeout);
}

/// <summary>A closed-loop client on the shared <see cref="LoadSender"/>: its own scratch buffer, HttpClient's pool of connections.</summary>
internal sealed class HttpLoadClient(LoadSender sender) : ILoadClient
{
    private readonly byte[] scratch = new byte[16 * 1024];

    public ValueTask<RequestSample> SendAsync(long start, CancellationToken timeout) => sender.SendAsync(start, timeout, scratch);

    public void Dispose()
    {
        // The sender belongs to the run, which disposes it once every client is done.
    }
}
