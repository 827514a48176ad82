using System.Collections.Concurrent;
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
using Workbook.Networking;

namespace Workbook.Capstone;

/// <summary>How a <see cref="CheckInstance"/> answers.</summary>
internal enum InstanceMode
{
    /// <summary>200 with its name.</summary>
    Healthy,

    /// <summary>503, like a service whose queue is full.</summary>
    Overloaded,

    /// <summary>Waits (up to 30 s, or until the client gives up) before answering.</summary>
    Slow,
}

/// <summary>
/// A tiny Kestrel server on loopback for the 09.4 check: it answers every GET as its mode says and
/// counts the attempts it saw per request id (the <c>id</c> query parameter).
/// </summary>
/// <remarks>Thread-safe. Disposal closes the port, after which connecting to it is refused ("down").</remarks>
internal sealed class CheckInstance : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly WebApplication _app;
    private int _disposed;

    private CheckInstance(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public InstanceMode Mode { get; set; }

    /// <summary>Requests received, whatever the mode.</summary>
    public int Received => _attempts.Values.Sum();

    /// <summary>Called with the attempt count each time a request id is seen again.</summary>
    public Action<int>? OnAttempt { get; set; }

    public static async Task<CheckInstance> StartAsync(string name, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CheckInstance).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        WebApplication app = builder.Build();
        var instance = new CheckInstance(name, app);
        app.Run(instance.AnswerAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        instance.BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/"));
        return instance;
    }

    /// <summary>How many times the request with this id reached this instance.</summary>
    public int AttemptsFor(string id) => _attempts.TryGetValue(id, out int n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        string id = context.Request.Query["id"].ToString();
        int attempt = _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        OnAttempt?.Invoke(attempt);
        context.Response.Headers[DemoServer.BackendHeader] = Name;
        switch (Mode)
        {
            case InstanceMode.Overloaded:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("queue full\n", CancellationToken.None).ConfigureAwait(false);
                break;
            case InstanceMode.Slow:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await context.Response.WriteAsync("slow\n", CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                await context.Response.WriteAsync($"ok from {Name}\n", CancellationToken.None).ConfigureAwait(false);
                break;
        }
    }
}
