using System.Collections;
using Workbook.Networking;

namespace Workbook.Balancing.Farm;

/// <summary>
/// A farm of Kestrel backends on 127.0.0.1 (ports chosen by the OS), for real load-balancing
/// experiments: each one answers every request after its configured delay and counts what it served;
/// any one can be killed and restarted <em>on the same port</em>, so a proxy in front sees it die and
/// come back. <c>await using var farm = await BackendFarm.StartAsync(FarmOptions.OneSlow());</c>
/// </summary>
/// <remarks>
/// Thread-safety: all members may be used from any thread while requests are served; kills and
/// restarts of the same backend are serialised. Disposal stops every server (each aborts what is in
/// flight at once) and is idempotent; afterwards no port of the farm is listening.
/// </remarks>
public sealed class BackendFarm : IReadOnlyList<FarmBackend>, IAsyncDisposable
{
    private readonly FarmBackend[] backends;
    private readonly SemaphoreSlim[] switches;
    private int disposed;

    private BackendFarm(FarmOptions options, FarmBackend[] backends)
    {
        Options = options;
        this.backends = backends;
        switches = backends.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    /// <summary>The options the farm was started with.</summary>
    public FarmOptions Options { get; }

    /// <summary>How many backends.</summary>
    public int Count => backends.Length;

    /// <summary>Every backend's name, in index order.</summary>
    public IReadOnlyList<string> Names => backends.Select(b => b.Name).ToArray();

    /// <summary>Requests each backend has served (across restarts), in index order.</summary>
    public IReadOnlyList<long> RequestsServed => backends.Select(b => b.RequestsServed).ToArray();

    /// <summary>The backend at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    public FarmBackend this[int index] => backends[index];

    /// <summary>Starts the farm; every backend is serving when the task completes.</summary>
    /// <param name="options">The farm's shape; three 2-ms backends when null.</param>
    /// <param name="cancellationToken">Abandons the start; backends already started are stopped.</param>
    /// <returns>The running farm; dispose it to stop every backend.</returns>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static async Task<BackendFarm> StartAsync(FarmOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FarmOptions();
        options.Validate();
        var started = new List<FarmBackend>(options.Backends);
        try
        {
            for (int i = 0; i < options.Backends; i++)
            {
                var server = await DemoServer.StartAsync(ServerOptions(options, i, port: 0), cancellationToken).ConfigureAwait(false);
                started.Add(new FarmBackend(i, options.NameOf(i), options.LatencyOf(i), server));
            }
        }
        catch
        {
            await new BackendFarm(options, [.. started]).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BackendFarm(options, [.. started]);
    }

    /// <summary>Kills backend <paramref name="index"/>: its port closes and requests in flight on it are aborted. Killing a dead backend does nothing.</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>A task that completes when the port is closed.</returns>
    public async Task KillAsync(int index)
    {
        var backend = Backend(index);
        await switches[index].WaitAsync().ConfigureAwait(false);
        try
        {
            if (backend.Detach() is { } server)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            switches[index].Release();
        }
    }

    /// <summary>Starts a killed backend again at the same address. Restarting a running backend does nothing.</summary>
    /// <param name="index">A backend index.</param>
    /// <param name="cancellationToken">Abandons the restart (the backend stays down).</param>
    /// <returns>A task that completes when the backend is serving again.</returns>
    /// <exception cref="InvalidOperationException">Another program took the port while the backend was down.</exception>
    public async Task RestartAsync(int index, CancellationToken cancellationToken = default)
    {
        var backend = Backend(index);
        await switches[index].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            if (backend.IsRunning)
            {
                return;
            }

            DemoServer server;
            try
            {
                server = await DemoServer.StartAsync(ServerOptions(Options, index, backend.Port), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // Kestrel reports a port in use as an IOException ("address already in use").
                throw new InvalidOperationException($"{backend.Name} cannot restart on port {backend.Port}: {e.Message} Another program may have taken the port while it was down.", e);
            }

            backend.Attach(server);
        }
        finally
        {
            switches[index].Release();
        }
    }

    /// <summary>Zeroes every backend's counters (e.g. between two measurements on the same farm).</summary>
    public void ResetCounts()
    {
        foreach (var backend in backends)
        {
            backend.ResetCounts();
        }
    }

    /// <summary>One weight-1 balancing backend per farm backend, named like it, in index order.</summary>
    /// <returns>The backends, ready for <c>Balancers.Create(name, farm.ToBackends())</c>.</returns>
    public Backend[] ToBackends() => backends.Select(b => new Backend(b.Name)).ToArray();

    /// <summary>Stops every backend concurrently.</summary>
    /// <returns>A task that completes when every port is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Every life of every backend: disposing an already-killed server is a no-op.
        await Task.WhenAll(backends.SelectMany(b => b.AllLives()).Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IEnumerator<FarmBackend> GetEnumerator() => ((IEnumerable<FarmBackend>)backends).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per backend.</summary>
    /// <returns>The backends, one per line.</returns>
    public override string ToString() => string.Join(Environment.NewLine, backends.Select(b => b.ToString()));

    private static DemoServerOptions ServerOptions(FarmOptions options, int index, int port) => new()
    {
        Name = options.NameOf(index),
        Port = port,
        ExtraLatency = options.LatencyOf(index),
        TimeProvider = options.TimeProvider,

        // A kill is a crash, not a graceful drain: requests in flight are aborted at once.
        ShutdownTimeout = TimeSpan.Zero,
        MaxRequestBodySize = 1024 * 1024,
    };

    private FarmBackend Backend(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, backends.Length);
        return backends[index];
    }
}
