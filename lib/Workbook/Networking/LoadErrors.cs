namespace Workbook.Networking;

/// <summary>
/// The failure labels the raw-socket client records in <see cref="RequestSample.Error"/>. Each is
/// exactly the label <see cref="LoadSender"/> derives from the exception HttpClient throws in the same
/// situation, so a chart or a test reads the same counts whichever client ran.
/// </summary>
internal static class LoadErrors
{
    /// <summary>The request outlived <see cref="LoadOptions.RequestTimeout"/> (HttpClient: an <see cref="OperationCanceledException"/> from the timeout token).</summary>
    public const string Timeout = "timeout";

    /// <summary>Connecting failed, e.g. refused (HttpClient: <see cref="HttpRequestError.ConnectionError"/>).</summary>
    public const string ConnectionError = "HttpRequestException (ConnectionError)";

    /// <summary>The host name did not resolve (HttpClient: <see cref="HttpRequestError.NameResolutionError"/>).</summary>
    public const string NameResolutionError = "HttpRequestException (NameResolutionError)";

    /// <summary>
    /// The connection broke (e.g. reset by the server) while the request was sent or the head awaited.
    /// HttpClient gives this failure no more specific category than <see cref="HttpRequestError.Unknown"/>.
    /// </summary>
    public const string ConnectionLost = "HttpRequestException (Unknown)";

    /// <summary>The connection ended before the status line and headers were complete (HttpClient: <see cref="HttpRequestError.ResponseEnded"/>).</summary>
    public const string ResponseEnded = "HttpRequestException (ResponseEnded)";

    /// <summary>The status line or a header could not be parsed (HttpClient: <see cref="HttpRequestError.InvalidResponse"/>).</summary>
    public const string InvalidResponse = "HttpRequestException (InvalidResponse)";

    /// <summary>The header block is larger than HttpClient's default limit of 64 KB (HttpClient: <see cref="HttpRequestError.ConfigurationLimitExceeded"/>).</summary>
    public const string HeadersTooLarge = "HttpRequestException (ConfigurationLimitExceeded)";

    /// <summary>
    /// Reading the body failed: the connection ended early or a chunk was malformed. HttpClient reports
    /// body failures as an <see cref="HttpIOException"/> from the content stream, which LoadSender labels
    /// by its type name.
    /// </summary>
    public const string BodyFailed = nameof(HttpIOException);

    /// <summary>
    /// The connection broke (e.g. was reset) while the body was read. HttpClient's content stream lets
    /// the socket's failure out as a plain <see cref="IOException"/>, labelled by its type name.
    /// </summary>
    public const string BodyBroken = nameof(IOException);
}
