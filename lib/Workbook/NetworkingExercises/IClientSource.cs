namespace Workbook.NetworkingExercises;

/// <summary>Exercise 05.2: hands out the <see cref="HttpClient"/> to use for each request.</summary>
/// <remarks>
/// <see cref="Client"/> is read once per request, possibly from many threads at once, so it must be
/// thread-safe. After <see cref="IDisposable.Dispose"/> the source need not serve any more requests.
/// </remarks>
public interface IClientSource : IDisposable
{
    /// <summary>The client for the next request (read again for every request).</summary>
    HttpClient Client { get; }
}
