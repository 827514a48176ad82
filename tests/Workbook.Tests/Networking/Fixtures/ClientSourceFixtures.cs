using Workbook.NetworkingExercises;

namespace Workbook.Tests.Networking.Fixtures;

// Exercise 05.2 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class PooledClientSourceStub : IClientSource
{
    // TODO: create one SocketsHttpHandler and one HttpClient over it, once, and return that same client every time.
    public HttpClient Client => throw new NotImplementedException();

    public void Dispose()
    {
    }
}

// Mistake: the classic one, a new HttpClient for every request.
public sealed class ClientPerRequestSource : IClientSource
{
    public HttpClient Client => new();

    public void Dispose()
    {
    }
}

// Mistake: "configured properly", but a new handler (and pool) for every request.
public sealed class HandlerPerRequestSource : IClientSource
{
    public HttpClient Client => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), MaxConnectionsPerServer = 4 });

    public void Dispose()
    {
    }
}

// Mistake: shared, but with no cap, so every concurrent worker gets its own connection.
public sealed class UncappedSharedSource : IClientSource
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    public HttpClient Client => _client;

    public void Dispose() => _client.Dispose();
}
