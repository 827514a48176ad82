using System.Collections;
using Workbook.Balancing;

namespace Workbook.Networking;

/// <summary>
/// Several <see cref="DemoServer"/>s started together, e.g. the backends of a load balancer; made by
/// <see cref="DemoServer.StartManyAsync"/>. Index it like a list; dispose it to stop every server.
/// </summary>
/// <remarks>
/// Thread-safety: the list never changes after creation; each server is as thread-safe as
/// <see cref="DemoServer"/>. Disposal stops all servers concurrently and is idempotent.
/// </remarks>
public sealed class DemoServerGroup : IReadOnlyList<DemoServer>, IAsyncDisposable
{
    private readonly IReadOnlyList<DemoServer> servers;

    internal DemoServerGroup(IReadOnlyList<DemoServer> servers) => this.servers = servers;

    /// <summary>How many servers the group holds.</summary>
    public int Count => servers.Count;

    /// <summary>The server at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    public DemoServer this[int index] => servers[index];

    /// <summary>Every server's name, in index order.</summary>
    public IReadOnlyList<string> Names => servers.Select(s => s.Name).ToArray();

    /// <summary>Every server's counters, in index order.</summary>
    public IReadOnlyList<DemoServerStats> Stats => servers.Select(s => s.Stats).ToArray();

    /// <summary>The same path on every server, in index order, e.g. <c>Urls("/fast")</c>.</summary>
    /// <param name="pathAndQuery">A path starting with '/'.</param>
    /// <returns>One absolute URI per server.</returns>
    public IReadOnlyList<Uri> Urls(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        return servers.Select(s => s.Url(pathAndQuery)).ToArray();
    }

    /// <summary>One weight-1 balancing backend per server, named like it, in index order.</summary>
    /// <returns>The backends, ready for <c>Balancers.Create(name, farm.ToBackends())</c>.</returns>
    public Backend[] ToBackends() => servers.Select(s => new Backend(s.Name)).ToArray();

    /// <summary>Stops every server concurrently.</summary>
    /// <returns>A task that completes when every port is closed.</returns>
    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);

    /// <inheritdoc />
    public IEnumerator<DemoServer> GetEnumerator() => servers.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One line per server.</summary>
    /// <returns>The servers, one per line.</returns>
    public override string ToString() => string.Join(Environment.NewLine, servers);
}
