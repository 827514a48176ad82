using System.Globalization;
using Workbook.Balancing;

namespace Workbook.Capstone;

/// <summary>
/// A deployment of the capstone service: <see cref="ServiceConfig.Instances"/> instances on
/// loopback, and (for more than one) a balancer and a client-side <see cref="FailoverHandler"/>
/// that spreads requests over them and retries a failure once on another instance. With
/// <see cref="ServiceConfig.SharedCache"/> the instances share one cache object.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be used while requests run. <see cref="StopInstanceAsync"/>
/// stops one instance (to show failover); disposal stops them all, in parallel, and ends every
/// worker process. Disposing twice is harmless.
/// </remarks>
public sealed class ServiceFarm : IQuoteTarget, IAsyncDisposable
{
    private static readonly EjectionOptions s_ejection = new() { ConsecutiveFailures = 3, Duration = TimeSpan.FromSeconds(1) };
    private readonly CapstoneService[] _instances;
    private readonly Uri[] _addresses;
    private int _disposed;

    private ServiceFarm(ServiceConfig config, CapstoneService[] instances, int seed)
    {
        Config = config;
        _instances = instances;
        _addresses = [.. instances.Select(i => i.BaseAddress)];
        Balancer = instances.Length == 1
            ? null
            : Balancers.Create(config.Balancer, instances.Select(i => new Backend(i.Name)), seed, ejection: s_ejection);
    }

    /// <summary>How the instances are built.</summary>
    public ServiceConfig Config { get; }

    /// <inheritdoc />
    public string Name => Config.Name;

    /// <summary>The instances, in backend-index order.</summary>
    public IReadOnlyList<CapstoneService> Instances => _instances;

    /// <summary>The balancer in front of the instances (passive ejection after 3 failures in a row, for 1 s), or null for a single instance.</summary>
    public Balancer? Balancer { get; }

    /// <inheritdoc />
    public ServiceStats Stats => ServiceStats.Sum(_instances.Select(i => i.Stats), Name);

    /// <summary>Starts the instances in parallel; a failure stops the ones already started.</summary>
    /// <param name="config">How to build each instance.</param>
    /// <param name="seed">Seed for a balancer that draws random numbers.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <returns>The running farm; dispose it to stop everything.</returns>
    /// <exception cref="ArgumentException">A setting of <paramref name="config"/> is invalid.</exception>
    public static async Task<ServiceFarm> StartAsync(ServiceConfig config, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        ServiceConfig each = config;
        if (config.SharedCache && config.Instances > 1)
        {
            // One cache object for all: a key computed by one instance is a hit on every other.
            IQuoteCache shared = config.Parts.Cache?.Invoke() ?? new SingleFlightCache();
            each = config with { Parts = config.Parts with { Cache = () => shared } };
        }

        Task<CapstoneService>[] starting = [.. Enumerable.Range(0, config.Instances).Select(i =>
            CapstoneService.StartAsync(each, string.Create(CultureInfo.InvariantCulture, $"instance{i}"), cancellationToken))];
        try
        {
            await Task.WhenAll(starting).ConfigureAwait(false);
        }
        catch
        {
            await Task.WhenAll(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.DisposeAsync().AsTask())).ConfigureAwait(false);
            throw;
        }

        return new ServiceFarm(config, [.. starting.Select(t => t.Result)], seed);
    }

    /// <summary>Starts the farm for <paramref name="config"/>, runs <paramref name="body"/> with it, and always stops it.</summary>
    /// <typeparam name="T">What the body returns.</typeparam>
    /// <param name="config">How to build each instance.</param>
    /// <param name="body">What to do with the running farm.</param>
    /// <param name="cancellationToken">Abandons the start and is passed to the body.</param>
    /// <returns>What the body returned.</returns>
    public static async Task<T> UseAsync<T>(ServiceConfig config, Func<ServiceFarm, CancellationToken, Task<T>> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ServiceFarm farm = await StartAsync(config, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (farm.ConfigureAwait(false))
        {
            return await body(farm, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Uri QuoteUrl(int key) => _instances[0].QuoteUrl(key);

    /// <inheritdoc />
    public HttpMessageHandler Route(SocketsHttpHandler inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return Balancer is null ? inner : new FailoverHandler(Balancer, _addresses, inner, Config.Parts.Router?.Invoke());
    }

    /// <inheritdoc />
    public void ResetStats()
    {
        foreach (CapstoneService instance in _instances)
        {
            instance.ResetStats();
        }
    }

    /// <summary>Stops one instance, as if its machine had died; the others keep serving.</summary>
    /// <param name="index">Which instance, by index.</param>
    /// <returns>A task that completes when it has stopped.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No instance has that index.</exception>
    public Task StopInstanceAsync(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _instances.Length);
        return _instances[index].DisposeAsync().AsTask();
    }

    /// <summary>Stops every instance and its worker processes.</summary>
    /// <returns>A task that completes when all have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Task.WhenAll(_instances.Select(i => i.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    /// <summary>E.g. "+ 3 instances: 3 instances at ports 41234, 41236, 41240".</summary>
    /// <returns>The configuration and ports.</returns>
    public override string ToString() =>
        $"{Config} at port{(_instances.Length == 1 ? "" : "s")} {string.Join(", ", _instances.Select(i => i.Port))}";
}
