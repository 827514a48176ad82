namespace Workbook.Async;

/// <summary>What the exercise checks' fake servers throw for a URL that is "down".</summary>
/// <param name="url">The URL that failed.</param>
public sealed class FetchFailedException(string url) : Exception($"simulated 503 Service Unavailable for {url}")
{
    /// <summary>The URL that failed.</summary>
    public string Url { get; } = url;
}
