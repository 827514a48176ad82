using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Workbook.Networking;

/// <summary>
/// A small Kestrel server on 127.0.0.1 and a free port, for experiments with HTTP clients, load
/// generators and load balancers. Endpoints: <c>GET /fast</c>, <c>GET /delay?ms=100</c> (awaits,
/// holding no thread), <c>GET /cpu?iterations=N</c> (burns CPU on its thread), <c>POST /echo</c>,
/// <c>GET /health</c> and <c>GET /stats</c> (JSON <see cref="DemoServerStats"/>). Every response
/// carries the header <c>X-Backend: name</c>.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be used from any thread while requests are being served;
/// <see cref="SetFaulty"/> and <see cref="SetExtraLatency"/> take effect for requests that start
/// afterwards. Disposal stops accepting connections, lets in-flight requests finish for up to
/// <see cref="DemoServerOptions.ShutdownTimeout"/>, then aborts the rest; afterwards the port is
/// closed. Disposing twice is harmless. The server logs nothing.
/// </remarks>
public sealed partial class DemoServer : IAsyncDisposable
{
    /// <summary>The response header that names the server that answered: <c>X-Backend</c>.</summary>
    public const string BackendHeader = "X-Backend";

    private readonly DemoServerOptions options;
    private readonly ServerCounters counters = new();
    private readonly StringValues nameHeader;
    private WebApplication? app;
    private Ledger.LedgerEntry? ledgerEntry;
    private volatile bool faulty;
    private long extraLatencyTicks;
    private int disposed;

    private DemoServer(DemoServerOptions options)
    {
        this.options = options;
        nameHeader = new StringValues(options.Name);
        faulty = options.Faulty;
        extraLatencyTicks = options.ExtraLatency.Ticks;
    }

    /// <summary>The server's name, sent in the <c>X-Backend</c> header.</summary>
    public string Name => options.Name;

    /// <summary>The address to send requests to, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The TCP port the server listens on (chosen by the operating system).</summary>
    public int Port { get; private set; }

    /// <summary>True while the server answers every request but <c>/stats</c> with 500 (and <c>/health</c> with 503).</summary>
    public bool IsFaulty => faulty;

    /// <summary>The latency currently added to every request before it is handled.</summary>
    public TimeSpan ExtraLatency => TimeSpan.FromTicks(Interlocked.Read(ref extraLatencyTicks));

    /// <summary>A snapshot of the request and connection counters.</summary>
    public DemoServerStats Stats => counters.Snapshot(Name);

    /// <summary>Starts a server on 127.0.0.1 and a free port; it is ready to serve when the task completes.</summary>
    /// <param name="options">The server's settings; defaults when null.</param>
    /// <param name="cancellationToken">Abandons the start; nothing is left listening.</param>
    /// <returns>The running server. Dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static async Task<DemoServer> StartAsync(DemoServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DemoServerOptions();
        options.Validate();
        var server = new DemoServer(options);
        WebApplication app = server.Build();
        server.app = app;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            // Port 0 asks the OS for a free port; the address Kestrel actually bound is only known now.
            string address = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server.Port = new Uri(address).Port;
            server.BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}/"));
            server.ledgerEntry = Ledger.ResourceLedger.Listener($"DemoServer '{options.Name}'", IPAddress.Loopback, server.Port);
        }
        catch
        {
            try
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stopping a half-started host may fail too; the start failure below is the one to report.
            }

            throw;
        }

        return server;
    }

    /// <summary>Starts <paramref name="count"/> servers named <c>prefix0</c>, <c>prefix1</c>, … (a loopback farm).</summary>
    /// <param name="count">How many servers, 1 or more.</param>
    /// <param name="prefix">The name prefix; the index is appended.</param>
    /// <param name="configure">Optional: adjusts each server's options given its index, e.g. to make one slow.</param>
    /// <param name="cancellationToken">Abandons the start; servers already started are stopped.</param>
    /// <returns>The running servers; dispose the group to stop them all.</returns>
    public static async Task<DemoServerGroup> StartManyAsync(
        int count,
        string prefix = "backend",
        Func<int, DemoServerOptions, DemoServerOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var started = new List<DemoServer>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var options = new DemoServerOptions { Name = prefix + i.ToString(CultureInfo.InvariantCulture) };
                started.Add(await StartAsync(configure?.Invoke(i, options) ?? options, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            await new DemoServerGroup(started).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DemoServerGroup(started);
    }

    /// <summary>The absolute address of a path on this server, e.g. <c>Url("/delay?ms=50")</c>.</summary>
    /// <param name="pathAndQuery">A path with optional query, such as <c>/fast</c>.</param>
    /// <returns>The absolute URI.</returns>
    public Uri Url(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException($"The path '{pathAndQuery}' must start with '/'.", nameof(pathAndQuery));
        }

        return new Uri(BaseAddress, pathAndQuery);
    }

    /// <summary>Switches faulty mode: while on, every request but <c>/stats</c> gets 500 (and <c>/health</c> 503).</summary>
    /// <param name="isFaulty">True to fail, false to recover.</param>
    public void SetFaulty(bool isFaulty) => faulty = isFaulty;

    /// <summary>Changes the latency added to every request that starts from now on.</summary>
    /// <param name="latency">Zero or more.</param>
    public void SetExtraLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        Interlocked.Exchange(ref extraLatencyTicks, latency.Ticks);
    }

    /// <summary>Zeroes the request, failure and accepted-connection counters (e.g. between two runs of a demo).</summary>
    public void ResetStats() => counters.Reset();

    /// <summary>Stops the server: no new connections, in-flight requests get <see cref="DemoServerOptions.ShutdownTimeout"/> to finish.</summary>
    /// <returns>A task that completes when the port is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0 || app is null)
        {
            return;
        }

        // StopAsync is bounded by HostOptions.ShutdownTimeout: after it Kestrel aborts what is left.
        try
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            Ledger.ResourceLedger.Closed(ledgerEntry);
        }
    }

    /// <summary>E.g. "demo at http://127.0.0.1:41234/ (healthy)".</summary>
    /// <returns>The name, address and mode.</returns>
    public override string ToString() => $"{Name} at {BaseAddress} ({(IsFaulty ? "faulty" : "healthy")})";

    private WebApplication Build()
    {
        // The empty builder reads no configuration files or environment variables (so ASPNETCORE_URLS
        // cannot move the server) and registers no logging providers (nothing is printed).
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DemoServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                // Connection middleware runs once per TCP connection, before any HTTP parsing:
                // the place to count how many sockets clients really opened.
                counters.ConnectionOpened();
                try
                {
                    await next(connection).ConfigureAwait(false);
                }
                finally
                {
                    counters.ConnectionClosed();
                }
            }));
        });

        WebApplication built = builder.Build();
        built.Use(TrackAsync);
        MapEndpoints(built);
        return built;
    }

    private async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers[BackendHeader] = nameHeader;
        if (IsObservation(context.Request.Path))
        {
            // Looking at a server must not change what it reports.
            await next(context).ConfigureAwait(false);
            return;
        }

        counters.RequestStarted();
        bool failed = false;
        try
        {
            TimeSpan extra = ExtraLatency;
            if (extra > TimeSpan.Zero)
            {
                await Task.Delay(extra, options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            }

            if (faulty)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("faulty\n", context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }

            failed = context.Response.StatusCode >= 500;
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            failed = true;
            throw;
        }
        finally
        {
            counters.RequestFinished(failed);
        }
    }

    private static bool IsObservation(PathString path) =>
        path.Equals("/stats", StringComparison.OrdinalIgnoreCase) || path.Equals("/health", StringComparison.OrdinalIgnoreCase);
}
