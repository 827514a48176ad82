using System.Collections.Concurrent;
using Workbook.Async;

namespace Workbook.Tests.Async.Fixtures;

// Exercise 03.1 as the notebook's stub cell shows it.
public sealed class ThrottledFetcherStub : IThrottledFetcher
{
    public Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: everything at once; the limit is ignored.
public sealed class NoLimitFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken) =>
        await Task.WhenAll(urls.Select(url => fetch(url, cancellationToken)));
}

// Wrong answer: awaits each fetch before starting the next.
public sealed class SequentialFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        var results = new string[urls.Count];
        for (int i = 0; i < urls.Count; i++)
        {
            results[i] = await fetch(urls[i], cancellationToken);
        }

        return results;
    }
}

// Wrong answer: releases the semaphore only when the fetch succeeds (no finally).
public sealed class LeakySemaphoreFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        var gate = new SemaphoreSlim(limit);
        var results = new string[urls.Count];
        await Task.WhenAll(urls.Select(async (url, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            results[i] = await fetch(url, cancellationToken);
            gate.Release();
        }));
        return results;
    }
}

// Wrong answer: collects the bodies as they arrive, so they come back in completion order.
public sealed class CompletionOrderFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        var gate = new SemaphoreSlim(limit);
        var results = new ConcurrentQueue<string>();
        await Task.WhenAll(urls.Select(async url =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                results.Enqueue(await fetch(url, cancellationToken));
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. results];
    }
}

// Wrong answer: batches of `limit`; each batch waits for its slowest fetch.
public sealed class BatchFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        var results = new List<string>();
        foreach (string[] batch in urls.Chunk(limit))
        {
            results.AddRange(await Task.WhenAll(batch.Select(url => fetch(url, cancellationToken))));
        }

        return [.. results];
    }
}

// Wrong answer: correct otherwise, but never passes the token on, so cancelling does nothing.
public sealed class IgnoresTokenFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(limit);
        var results = new string[urls.Count];
        await Task.WhenAll(urls.Select(async (url, i) =>
        {
            await gate.WaitAsync();
            try
            {
                results[i] = await fetch(url, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }));
        return results;
    }
}

// A correct alternative: Parallel.ForEachAsync over the indexes.
public sealed class ParallelForEachFetcher : IThrottledFetcher
{
    public async Task<string[]> FetchAllAsync(IReadOnlyList<string> urls, int limit, Func<string, CancellationToken, Task<string>> fetch, CancellationToken cancellationToken)
    {
        var results = new string[urls.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = limit, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, urls.Count), options, async (i, token) => results[i] = await fetch(urls[i], token));
        return results;
    }
}
