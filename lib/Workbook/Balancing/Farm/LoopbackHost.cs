using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workbook.Balancing.Farm;

/// <summary>
/// A quiet Kestrel host on 127.0.0.1 and a free port, the front end of both proxies: no configuration
/// files, no environment variables, no logging, and a short drain on shutdown.
/// </summary>
/// <remarks>Thread-safety: start once, dispose once (disposal is idempotent); afterwards the port is closed.</remarks>
internal sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private LoopbackHost(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Builds and starts a host; <paramref name="services"/> registers what the app needs, <paramref name="pipeline"/> sets up the requests' path.</summary>
    public static async Task<LoopbackHost> StartAsync(
        Action<IServiceCollection> services, Action<WebApplication> pipeline, long maxRequestBodySize, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoopbackHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxRequestBodySize;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        services(builder.Services);
        var app = builder.Build();
        pipeline(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Port 0 asks the OS for a free port; the one Kestrel bound is only known once it has started.
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackHost(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
