// Exercise 03.1: Fan out with a concurrency limit
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Async;

// Reference solution: every URL starts at once and queues for one of `limit` semaphore slots.
// Each body goes into its URL's own index, so the input order survives whatever order the fetches
// finish in, and the slot is released in finally, so a failing fetch cannot strand the rest.
public sealed class ThrottledFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(
        IReadOnlyList<string> urls,
        int limit,
        Func<string, CancellationToken, Task<string>> fetch,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(limit);
        var results = new string[urls.Count];

        async Task FetchOne(int index)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                results[index] = await fetch(urls[index], cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, urls.Count).Select(FetchOne));
        return results;
    }
}
