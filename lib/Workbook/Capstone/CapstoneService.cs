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
using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>
/// One instance of the capstone service: Kestrel on 127.0.0.1 and a free port, answering
/// <c>GET /quote?key=K</c> with the key's quote, built as its <see cref="ServiceConfig"/> says.
/// Also <c>GET /health</c> (always 200, to see how quickly the instance can answer anything at all).
/// Every response carries <c>X-Backend: name</c>.
/// </summary>
/// <remarks>
/// Answers: 200 with the quote; 400 for a missing or out-of-range key; 503 with <c>Retry-After: 1</c>
/// when the bounded queue is full; 504 when the deadline passed; 500 when the work failed.
/// Thread-safety: every member may be used while requests are served. Disposal stops accepting
/// connections, gives requests in flight up to 2 s, cancels queued jobs and ends the worker
/// processes; afterwards the port is closed. Disposing twice is harmless.
/// </remarks>
public sealed partial class CapstoneService : IQuoteTarget, IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
    private readonly ServiceCounters _counters = new();
    private readonly StringValues _nameHeader;
    private WebApplication? _app;
    private QuotePipeline? _pipeline;
    private int _disposed;

    private CapstoneService(ServiceConfig config, string name)
    {
        Config = config;
        Name = name;
        _nameHeader = new StringValues(name);
    }

    /// <summary>The instance's name, sent in the <c>X-Backend</c> header.</summary>
    public string Name { get; }

    /// <summary>How this instance is built.</summary>
    public ServiceConfig Config { get; }

    /// <summary>The address to send requests to, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The TCP port (chosen by the operating system).</summary>
    public int Port { get; private set; }

    /// <inheritdoc />
    public ServiceStats Stats => _counters.Snapshot(Name);

    /// <summary>Whether the instance has been stopped.</summary>
    public bool IsStopped => Volatile.Read(ref _disposed) != 0;

    /// <summary>Starts an instance (and its worker processes) and waits until it is ready to serve.</summary>
    /// <param name="config">How to build it; <see cref="ServiceConfig.Naive"/> when null.</param>
    /// <param name="name">Its name in the <c>X-Backend</c> header.</param>
    /// <param name="cancellationToken">Abandons the start; nothing is left running.</param>
    /// <returns>The running instance; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">A setting of <paramref name="config"/> is invalid (the message names it).</exception>
    public static async Task<CapstoneService> StartAsync(ServiceConfig? config = null, string? name = null, CancellationToken cancellationToken = default)
    {
        config ??= ServiceConfig.Naive;
        config.Validate();
        var service = new CapstoneService(config, string.IsNullOrWhiteSpace(name) ? "instance0" : name);
        try
        {
            service._pipeline = await QuotePipeline.StartAsync(config, service._counters, cancellationToken).ConfigureAwait(false);
            service._app = service.Build();
            await service._app.StartAsync(cancellationToken).ConfigureAwait(false);
            // Port 0 asked the OS for a free port; only now do we know which one Kestrel got.
            string address = service._app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            service.Port = new Uri(address).Port;
            service.BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{service.Port}/"));
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <inheritdoc />
    public Uri QuoteUrl(int key) => new(BaseAddress, string.Create(CultureInfo.InvariantCulture, $"/quote?key={key}"));

    /// <summary>The address of <c>/health</c>.</summary>
    public Uri HealthUrl => new(BaseAddress, "/health");

    /// <inheritdoc />
    public HttpMessageHandler Route(SocketsHttpHandler inner) => inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public void ResetStats() => _counters.Reset();

    /// <summary>Stops the instance: no new connections, a short grace for requests in flight, then the workers end.</summary>
    /// <returns>A task that completes when the port is closed and the worker processes have exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (_app is not null)
            {
                try
                {
                    await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    await _app.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (_pipeline is not null)
            {
                await _pipeline.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>E.g. "instance0 at http://127.0.0.1:41234/ (naive: CPU work on the request thread, …)".</summary>
    /// <returns>The name, address and configuration.</returns>
    public override string ToString() => $"{Name} at {BaseAddress} ({Config})";

    private WebApplication Build()
    {
        // The empty builder reads no configuration or environment (ASPNETCORE_URLS cannot move it) and logs nothing.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CapstoneService).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownGrace);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        app.MapGet("/quote", QuoteAsync);
        app.MapGet("/health", (HttpContext context) =>
        {
            context.Response.Headers[DemoServer.BackendHeader] = _nameHeader;
            return Results.Text("healthy\n");
        });
        return app;
    }
}
