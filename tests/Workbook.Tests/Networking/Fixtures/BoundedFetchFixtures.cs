using Workbook.NetworkingExercises;

namespace Workbook.Tests.Networking.Fixtures;

// Exercise 05.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class BoundedFetcherStub : IBoundedFetcher
{
    public Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        // TODO: start every request, but let at most maxInFlight be in flight at once.
        throw new NotImplementedException();
    }
}

// Mistake: no limit at all, every request starts at once.
public sealed class UnlimitedFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct) =>
        await Task.WhenAll(urls.Select(async url =>
        {
            try
            {
                using HttpResponseMessage response = await client.GetAsync(url, ct);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }));
}

// Mistake: a loop of awaits, one request at a time.
public sealed class SequentialFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        var codes = new int[urls.Count];
        for (int i = 0; i < urls.Count; i++)
        {
            try
            {
                using HttpResponseMessage response = await client.GetAsync(urls[i], ct);
                codes[i] = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                codes[i] = 0;
            }
        }

        return codes;
    }
}

// Mistake: Release only on success, so every failed request keeps its slot for ever.
public sealed class LeaksSlotOnFailureFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        var codes = new int[urls.Count];
        var slots = new SemaphoreSlim(maxInFlight);
        await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(async i =>
        {
            await slots.WaitAsync(ct);
            try
            {
                using HttpResponseMessage response = await client.GetAsync(urls[i], ct);
                codes[i] = (int)response.StatusCode;
                slots.Release();
            }
            catch (HttpRequestException)
            {
                codes[i] = 0;
            }
        }));
        return codes;
    }
}

// Mistake: codes collected in completion order instead of input order.
public sealed class CompletionOrderFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        var codes = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var slots = new SemaphoreSlim(maxInFlight);
        await Task.WhenAll(urls.Select(async url =>
        {
            await slots.WaitAsync(ct);
            try
            {
                using HttpResponseMessage response = await client.GetAsync(url, ct);
                codes.Enqueue((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                codes.Enqueue(0);
            }
            finally
            {
                slots.Release();
            }
        }));
        return codes.ToArray();
    }
}
