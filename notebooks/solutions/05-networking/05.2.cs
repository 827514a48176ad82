// Exercise 05.2: Fix socket exhaustion
using System;
using System.Net.Http;
using Workbook.NetworkingExercises;

// Reference solution: one handler, one pool, one client for the life of the source.
public sealed class PooledClientSource : IClientSource
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2), // recycle now and then, so DNS changes are seen
        MaxConnectionsPerServer = 4,                        // requests beyond 4 queue for a pooled connection
    });

    public HttpClient Client => _client;

    public void Dispose() => _client.Dispose();
}
