using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Workbook.Balancing.Farm;
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
    private LoopbackHost _host = null!;

    private CheckInstance(string name) => Name = name;

    public string Name { get; }

    public Uri BaseAddress => _host.BaseAddress;

    public InstanceMode Mode { get; set; }

    /// <summary>Requests received, whatever the mode.</summary>
    public int Received => _attempts.Values.Sum();

    /// <summary>Called with the attempt count each time a request id is seen again.</summary>
    public Action<int>? OnAttempt { get; set; }

    public static async Task<CheckInstance> StartAsync(string name, CancellationToken cancellationToken)
    {
        var instance = new CheckInstance(name);
        // GETs only: Kestrel's default body limit (30,000,000 bytes) is kept.
        instance._host = await LoopbackHost.StartAsync(_ => { }, app => app.Run(instance.AnswerAsync), 30_000_000, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>How many times the request with this id reached this instance.</summary>
    public int AttemptsFor(string id) => _attempts.TryGetValue(id, out int n) ? n : 0;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

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
