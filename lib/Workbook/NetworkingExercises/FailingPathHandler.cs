namespace Workbook.NetworkingExercises;

/// <summary>
/// Fails every request whose path is <see cref="Path"/> with an <see cref="HttpRequestException"/>,
/// as a refused connection would, without touching the network; other requests pass through.
/// </summary>
/// <remarks>Thread-safe (no state). Lets the 05.1 checker make failures happen exactly where it wants them.</remarks>
internal sealed class FailingPathHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>The path that always fails.</summary>
    public const string Path = "/unreachable";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri?.AbsolutePath == Path
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (simulated by the checker)."))
            : base.SendAsync(request, cancellationToken);
}
