using System.Runtime.CompilerServices;
using Workbook.Exercises;
using Workbook.Networking;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.NetworkingExercises;

/// <summary>
/// The check of exercise 05.2: 60 requests of 50 ms from 8 concurrent workers, each reading
/// <see cref="IClientSource.Client"/> afresh; the server must have accepted at most 4 connections.
/// A client (or handler) per request opens one connection each; a shared client without
/// <c>MaxConnectionsPerServer</c> opens one per concurrent worker.
/// </summary>
internal static class ClientSourceCheck
{
    private const int Requests = 60;
    private const int Workers = 8;
    private const int MaxConnections = 4;

    public static string Verify(Func<IClientSource> create, CheckContext context) =>
        LoopbackCheck.WithServer(async server =>
        {
            IClientSource source = create();
            var clients = new ConditionalWeakTable<HttpClient, object>();
            int distinct = 0, failures = 0, remaining = Requests;
            Uri url = server.Url("/delay?ms=50");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            deadline.CancelAfter(LoopbackCheck.Deadline);
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
                {
                    while (Interlocked.Decrement(ref remaining) >= 0)
                    {
                        HttpClient client = source.Client;
                        context.Require(client is not null, "Client returned null; return an HttpClient.");
                        if (clients.TryAdd(client, new object()))
                        {
                            Interlocked.Increment(ref distinct);
                        }

                        using HttpResponseMessage response = await client.GetAsync(url, deadline.Token).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                }))).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                context.Fail($"{Requests} requests through your client did not finish within {Duration(LoopbackCheck.Deadline)} "
                    + $"(the server served {server.Stats.RequestsServed}). Is the client's Timeout or handler set up to wait?");
            }
            finally
            {
                source.Dispose();
            }

            long accepted = server.Stats.ConnectionsAccepted;
            context.Require(failures == 0, $"{failures} of {Requests} requests did not succeed; send plain GETs with the client.");
            context.Require(
                distinct == 1 || accepted <= MaxConnections,
                $"Client returned {distinct} different HttpClient objects for {Requests} requests, and the server accepted {accepted} "
                + "connections: every new client brings a new handler with an empty connection pool, so each request opened (and "
                + "left in TIME_WAIT) its own socket. Create one client over one SocketsHttpHandler, once, and return it every time.");
            context.Require(
                accepted <= MaxConnections,
                $"one shared client, good, but the server accepted {accepted} connections from {Workers} concurrent workers; the limit "
                + $"is {MaxConnections}. Set MaxConnectionsPerServer = {MaxConnections} on the SocketsHttpHandler so requests queue for a pooled connection.");
            return $"{Requests} requests from {Workers} concurrent workers went through {distinct} client over {accepted} connection(s) "
                + $"(at most {MaxConnections}).";
        });
}
