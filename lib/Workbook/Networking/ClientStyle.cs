namespace Workbook.Networking;

/// <summary>How <see cref="BlockingVsAsync"/> waits for each response.</summary>
public enum ClientStyle
{
    /// <summary>Synchronous <see cref="HttpClient.Send(HttpRequestMessage, CancellationToken)"/> on a thread-pool thread: the thread is stuck until the response arrives.</summary>
    Blocking,

    /// <summary><c>await</c> <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/>: no thread is held while waiting.</summary>
    Async,
}
