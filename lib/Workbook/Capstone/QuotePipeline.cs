namespace Workbook.Capstone;

/// <summary>
/// The inside of one service instance, assembled from its <see cref="ServiceConfig"/>:
/// cache → admission queue → handler → worker processes, each stage optional.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="GetAsync"/> is called by every request at once. Disposal stops the
/// queue (waiting jobs are cancelled) and ends the worker processes.
/// </remarks>
internal sealed class QuotePipeline : IAsyncDisposable
{
    private readonly ServiceConfig _config;
    private readonly ServiceCounters _counters;
    private readonly ProcessWorkers? _workers;
    private readonly IQuoteHandler _handler;
    private readonly IAdmissionQueue? _queue;
    private readonly IQuoteCache? _cache;
    private readonly CancellationTokenSource _stopping = new();

    private QuotePipeline(ServiceConfig config, ServiceCounters counters, ProcessWorkers? workers)
    {
        _config = config;
        _counters = counters;
        _workers = workers;
        _handler = config.Parts.Handler?.Invoke() ?? new AwaitingHandler();
        _cache = config.Cache ? config.Parts.Cache?.Invoke() ?? new SingleFlightCache() : null;
        if (config.QueueCapacity is { } capacity && workers is not null)
        {
            _queue = config.Parts.Queue?.Invoke() ?? new AdmissionQueue();
            _queue.Start(capacity, config.EffectiveConsumers, ComputeAsync);
        }
    }

    public static async Task<QuotePipeline> StartAsync(ServiceConfig config, ServiceCounters counters, CancellationToken cancellationToken)
    {
        ProcessWorkers? workers = config.WorkerProcesses
            ? await ProcessWorkers.StartAsync(config.Workers, cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            return new QuotePipeline(config, counters, workers);
        }
        catch
        {
            if (workers is not null)
            {
                await workers.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The quote for a valid key; throws <see cref="QueueFullException"/> when turned away.</summary>
    public Task<long> GetAsync(int key, CancellationToken requestToken)
    {
        if (_cache is null)
        {
            return AdmitAsync(key, requestToken);
        }

        // A cached computation is shared, so it must not die with whichever request happened to start it:
        // it runs under the service's own token, and each request only stops *waiting* when its token fires.
        return _cache.GetOrComputeAsync(key, k => AdmitAsync(k, _stopping.Token)).WaitAsync(requestToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_queue is not null)
            {
                await _queue.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (_workers is not null)
            {
                await _workers.DisposeAsync().ConfigureAwait(false);
            }

            _stopping.Dispose();
        }
    }

    private Task<long> AdmitAsync(int key, CancellationToken token)
    {
        if (_queue is null)
        {
            return ComputeAsync(key, token);
        }

        return _queue.TryEnqueue(key, token) ?? Task.FromException<long>(new QueueFullException(_config.QueueCapacity!.Value));
    }

    private Task<long> ComputeAsync(int key, CancellationToken token)
    {
        _counters.Computation();
        if (_workers is null)
        {
            // The naive path: the whole computation runs right here, on the request's thread, before anything is awaited.
            return Task.FromResult(Quotes.Compute(key, token));
        }

        return _handler.HandleAsync(key, _workers, _config.Deadline, token);
    }
}
