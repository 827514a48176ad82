using Workbook.Exercises;

namespace Workbook.NetworkingExercises;

/// <summary>The exercises of chapter 05 (networking).</summary>
public sealed class NetworkingExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "05-networking";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IBoundedFetcher>(
            "05.1",
            ChapterName,
            "A client that respects a concurrency limit",
            [
                "Start all the requests as tasks, but make each one wait for a free slot before it sends. What gives out at most "
                    + "maxInFlight slots and lets a task await one without blocking a thread?",
                "var slots = new SemaphoreSlim(maxInFlight); for each index i start a task that does await slots.WaitAsync(ct), then "
                    + "sends, stores (int)response.StatusCode in codes[i] (0 on HttpRequestException), and calls slots.Release() "
                    + "in a finally block, so a failed request gives its slot back too. await Task.WhenAll(tasks); return codes;",
                "Nearly the answer: async Task One(int i) { await slots.WaitAsync(ct); try { using var r = await client.GetAsync(urls[i], ct); "
                    + "codes[i] = (int)r.StatusCode; } catch (HttpRequestException) { codes[i] = 0; } finally { slots.Release(); } } "
                    + "await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(One));",
            ],
            BoundedFetchCheck.Verify),

        Exercise.Define<IClientSource>(
            "05.2",
            ChapterName,
            "Fix socket exhaustion",
            [
                "Every new HttpClient (or new SocketsHttpHandler) has its own, empty connection pool, so its first request opens a new "
                    + "TCP connection. How many handlers should exist for the life of the source?",
                "Create the SocketsHttpHandler and the HttpClient once, in a field initialiser or the constructor, and return that "
                    + "same client from the Client getter. Set MaxConnectionsPerServer = 4 so 8 concurrent requests share 4 sockets, "
                    + "and PooledConnectionLifetime (say 2 minutes) so connections are recycled now and then.",
                "Nearly the answer: private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = "
                    + "TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 4 }); public HttpClient Client => _client; "
                    + "public void Dispose() => _client.Dispose();",
            ],
            ClientSourceCheck.Verify),
    ];
}
