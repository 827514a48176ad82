using System.Globalization;
using Workbook.Balancing;
using Workbook.Exercises;
using Workbook.Networking;
using static Workbook.Capstone.CheckWaits;

namespace Workbook.Capstone;

/// <summary>
/// The check of checkpoint 09.4, against three real loopback servers: requests follow the balancer's
/// picks, every lease ends with its outcome, a 503 or a dead instance is retried exactly once on a
/// different instance, and a cancelled call ends its lease too.
/// </summary>
internal static class RouterCheck
{
    private const int Requests = 30;
    private const int OverloadedRequests = 6;
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(10);

    public static string Verify(Func<IInstanceRouter> create, CheckContext context)
    {
        IInstanceRouter router = create();
        CancellationToken ct = context.CancellationToken;
        var servers = new List<CheckInstance>();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(3) }) { Timeout = CallBound };
        try
        {
            for (int i = 0; i < 4; i++)
            {
                servers.Add(CheckInstance.StartAsync(string.Create(CultureInfo.InvariantCulture, $"instance{i}"), ct).GetAwaiter().GetResult());
            }

            // The fourth server is stopped at once: its port now refuses connections, like a crashed instance.
            Uri down = servers[3].BaseAddress;
            servers[3].DisposeAsync().AsTask().Wait(ct);
            Uri[] healthy = [.. servers.Take(3).Select(s => s.BaseAddress)];

            FollowsTheBalancer(router, client, healthy, context);
            RetriesAnOverloadOnceElsewhere(router, client, healthy, servers, context);
            RetriesADeadInstanceElsewhere(router, client, [healthy[0], healthy[1], down], context);
            EndsTheLeaseWhenCancelled(router, client, healthy, servers, context);
        }
        finally
        {
            foreach (CheckInstance server in servers)
            {
                server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            }
        }

        return $"{Requests} requests over 3 healthy instances went 10, 10, 10 as round-robin picked them; with every instance answering 503, "
            + $"each of {OverloadedRequests} requests was tried exactly twice, on two different instances, and the 503 came back; with one instance "
            + $"down, all {Requests} requests succeeded through one retry; and every lease ended, with failures reported, cancellations included.";
    }

    private static RoundRobin NewBalancer() => new(Backend.Range(3, "instance"));

    private static Task<HttpResponseMessage> Send(
        IInstanceRouter router, HttpClient client, IBalancer balancer, Uri[] instances, string id, CheckContext context, CancellationToken token)
    {
        string path = "/quote?id=" + id;
        Task<HttpResponseMessage> call = CallWithin(() => router.SendAsync(client, balancer, instances, path, token), Patience, context.CancellationToken)
            ?? throw new ExerciseFailedException($"SendAsync for request {id} did not return within 3 s: it blocks (.Result or .Wait()) instead of awaiting.");
        context.Require(Settles(call, CallBound, context.CancellationToken), $"request {id} got no answer within {CallBound.TotalSeconds:0} s.");
        return call;
    }

    private static void RequireAllEnded(RoundRobin balancer, string when, CheckContext context)
    {
        int outstanding = balancer.Snapshot().Sum(s => s.Outstanding);
        context.Require(outstanding == 0,
            $"{when}, {outstanding} lease(s) were still outstanding: end every lease (Complete with the outcome, or Dispose in a using block). "
            + "A lease that never ends makes that instance look busy for ever, and load-aware balancers stop sending it anything.");
    }

    private static void FollowsTheBalancer(IInstanceRouter router, HttpClient client, Uri[] instances, CheckContext context)
    {
        RoundRobin balancer = NewBalancer();
        var answeredBy = new Dictionary<string, int>();
        for (int i = 0; i < Requests; i++)
        {
            Task<HttpResponseMessage> call = Send(router, client, balancer, instances, $"a{i}", context, CancellationToken.None);
            context.Require(call.IsCompletedSuccessfully, $"request a{i} to three healthy instances {DescribeCall(call)}.");
            using HttpResponseMessage response = call.Result;
            context.Require((int)response.StatusCode == 200, $"request a{i} to three healthy instances came back {(int)response.StatusCode}.");
            string name = response.Headers.TryGetValues(DemoServer.BackendHeader, out var values) ? values.First() : "?";
            answeredBy[name] = answeredBy.GetValueOrDefault(name) + 1;
        }

        string spread = string.Join(", ", answeredBy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        context.Require(answeredBy.Count == 3 && answeredBy.Values.All(n => n == Requests / 3),
            $"round-robin picked each instance 10 times, but the answers came from: {spread}. Send each attempt to instances[lease.Index].");
        RequireAllEnded(balancer, $"after {Requests} successful requests", context);
        long picks = balancer.Snapshot().Sum(s => s.Picks);
        context.Require(picks == Requests, $"the balancer was asked {picks} times for {Requests} requests that all succeeded at once: pick once per attempt.");
    }

    private static void RetriesAnOverloadOnceElsewhere(IInstanceRouter router, HttpClient client, Uri[] instances, List<CheckInstance> servers, CheckContext context)
    {
        RoundRobin balancer = NewBalancer();
        foreach (CheckInstance server in servers.Take(3))
        {
            server.Mode = InstanceMode.Overloaded;
        }

        try
        {
            for (int i = 0; i < OverloadedRequests; i++)
            {
                string id = $"c{i}";
                using var stop = new CancellationTokenSource();
                // A router that retries without end is stopped after a few attempts, so the check can say so instead of waiting.
                foreach (CheckInstance server in servers.Take(3))
                {
                    server.OnAttempt = n => { if (n >= 2) { stop.Cancel(); } };
                }

                Task<HttpResponseMessage> call = Send(router, client, balancer, instances, id, context, stop.Token);
                int attempts = servers.Take(3).Sum(s => s.AttemptsFor(id));
                int mostOnOne = servers.Take(3).Max(s => s.AttemptsFor(id));
                context.Require(attempts >= 2,
                    $"request {id} was sent once: its instance answered 503 (queue full), and the call gave up. Retry once on another instance, "
                    + "whose queue may well have room.");
                context.Require(attempts == 2,
                    $"request {id} was sent {attempts} or more times while every instance answered 503: retry at most once. Each retry is extra load "
                    + "on a service that is already overloaded; unbounded retries turn an overload into an outage (a retry storm).");
                context.Require(mostOnOne == 1,
                    $"request {id} was sent {mostOnOne} times to the same instance: after a failure, pick again and send to a different instance "
                    + "(if the balancer offers the one that just failed, end that lease and ask again).");
                context.Require(call.IsCompletedSuccessfully && (int)call.Result.StatusCode == 503,
                    $"with both attempts answered 503, request {id} {DescribeCall(call)}: return the last response and let the caller decide.");
                call.Result.Dispose();
            }
        }
        finally
        {
            foreach (CheckInstance server in servers.Take(3))
            {
                server.Mode = InstanceMode.Healthy;
                server.OnAttempt = null;
            }
        }

        RequireAllEnded(balancer, $"after {OverloadedRequests} overloaded requests", context);
        long failures = balancer.Snapshot().Sum(s => s.Failures);
        context.Require(failures == 2 * OverloadedRequests,
            $"the balancer heard of {failures} failures for {2 * OverloadedRequests} attempts answered 503: complete each lease with "
            + "RequestOutcome.Failure (Complete(false)) when the answer is 5xx, so ejection and load-aware policies learn about it.");
    }

    private static void RetriesADeadInstanceElsewhere(IInstanceRouter router, HttpClient client, Uri[] instances, CheckContext context)
    {
        RoundRobin balancer = NewBalancer();
        for (int i = 0; i < Requests; i++)
        {
            Task<HttpResponseMessage> call = Send(router, client, balancer, instances, $"b{i}", context, CancellationToken.None);
            context.Require(call.IsCompletedSuccessfully && (int)call.Result.StatusCode == 200,
                $"request b{i} {DescribeCall(call)}, although instances 0 and 1 were up and only instance 2 was down: when an attempt throws "
                + "HttpRequestException (connection refused), end its lease as a failure and retry once on another instance.");
            call.Result.Dispose();
        }

        RequireAllEnded(balancer, "after requests with one instance down", context);
        BackendStatus dead = balancer.Snapshot()[2];
        context.Require(dead.Failures > 0 && dead.Failures == dead.Picks,
            $"instance 2 was down and picked {dead.Picks} times, but the balancer heard of {dead.Failures} failures: complete the lease with "
            + "RequestOutcome.Failure when the attempt throws, so passive ejection can take the instance out.");
    }

    private static void EndsTheLeaseWhenCancelled(IInstanceRouter router, HttpClient client, Uri[] instances, List<CheckInstance> servers, CheckContext context)
    {
        RoundRobin balancer = NewBalancer();
        foreach (CheckInstance server in servers.Take(3))
        {
            server.Mode = InstanceMode.Slow;
        }

        try
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Task<HttpResponseMessage> call = Send(router, client, balancer, instances, "d0", context, caller.Token);
            context.Require(call.IsCanceled || ErrorOf(call) is OperationCanceledException,
                $"the caller cancelled after 300 ms, but the call {DescribeCall(call)}: let OperationCanceledException through (and do not retry it).");
            RequireAllEnded(balancer, "after a cancelled request", context);
        }
        finally
        {
            foreach (CheckInstance server in servers.Take(3))
            {
                server.Mode = InstanceMode.Healthy;
            }
        }
    }

    private static string DescribeCall(Task<HttpResponseMessage> call) => call.Status switch
    {
        TaskStatus.RanToCompletion => $"came back {(int)call.Result.StatusCode}",
        TaskStatus.Canceled => "was cancelled",
        TaskStatus.Faulted => $"threw {ErrorOf(call)!.GetType().Name} ({ErrorOf(call)!.Message})",
        _ => "was still running",
    };
}
