// Exercise 05.1: A client that respects a concurrency limit
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Workbook.NetworkingExercises;

// Reference solution: every request starts as a task, but first awaits one of maxInFlight slots;
// the slot goes back in finally, so a failed request cannot keep it.
public sealed class BoundedFetcher : IBoundedFetcher
{
    public async Task<int[]> GetAllAsync(HttpClient client, IReadOnlyList<Uri> urls, int maxInFlight, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInFlight);
        var codes = new int[urls.Count];
        using var slots = new SemaphoreSlim(maxInFlight);

        async Task FetchAsync(int i)
        {
            await slots.WaitAsync(ct);
            try
            {
                using HttpResponseMessage response = await client.GetAsync(urls[i], ct);
                codes[i] = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                codes[i] = 0; // no response at all: recorded, and the others go on
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(FetchAsync));
        return codes;
    }
}
