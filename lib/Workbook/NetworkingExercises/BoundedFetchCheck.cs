using System.Diagnostics;
using Workbook.Exercises;
using Workbook.Networking;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.NetworkingExercises;

/// <summary>
/// The check of exercise 05.1. Round one: 32 slow requests (two of them answered 400 and 404) with a
/// limit of 4; the server's <see cref="DemoServerStats.PeakInFlight"/> must be 2 to 4 and the codes
/// must come back in input order. Round two: the first four requests fail without a response; they
/// must count as 0 and the other requests must still all be sent (a slot leaked on failure hangs).
/// </summary>
internal static class BoundedFetchCheck
{
    private const int Limit = 4;
    private const int Requests = 32;
    private const int Failing = 4;
    private const int AfterFailures = 16;

    public static string Verify(Func<IBoundedFetcher> create, CheckContext context) =>
        LoopbackCheck.WithServer(async server =>
        {
            using var client = new HttpClient(new FailingPathHandler(new SocketsHttpHandler { UseProxy = false }))
            {
                Timeout = LoopbackCheck.Deadline,
            };

            // Round 1: limit respected, order kept.
            var urls = new List<Uri>();
            var expected = new int[Requests];
            for (int i = 0; i < Requests; i++)
            {
                (string path, int code) = i switch
                {
                    5 => ("/delay?ms=-1", 400),
                    17 => ("/no-such-page", 404),
                    _ => ("/delay?ms=60", 200),
                };
                urls.Add(server.Url(path));
                expected[i] = code;
            }

            long start = Stopwatch.GetTimestamp();
            int[]? codes = await RunAsync(create(), client, urls, context, "a batch of 32 requests that all get an answer");
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            int peak = server.Stats.PeakInFlight;
            context.Require(
                peak <= Limit,
                $"the server saw {peak} of your requests in flight at once, but the limit was {Limit}. You start every request at once "
                + "(Task.WhenAll over all of them?): wait for a free slot (SemaphoreSlim.WaitAsync) before sending each one.");
            RequireCodes(codes, expected, context, "the first batch");
            context.Require(
                peak > 1,
                $"the server never saw more than 1 request at once (limit {Limit}): your requests go one after another, which took "
                + $"{Duration(elapsed)} for {Requests} requests of 60 ms. Start them all as tasks and let the limit, not a loop of awaits, hold them back.");

            // Round 2: failures must give their slot back.
            server.ResetStats();
            var failing = new List<Uri>();
            var expectedFailing = new int[Failing + AfterFailures];
            for (int i = 0; i < expectedFailing.Length; i++)
            {
                failing.Add(i < Failing ? server.Url(FailingPathHandler.Path) : server.Url("/delay?ms=20"));
                expectedFailing[i] = i < Failing ? 0 : 200;
            }

            int[]? second = await RunAsync(create(), client, failing, context, $"a batch whose first {Failing} requests fail", server);
            RequireCodes(second, expectedFailing, context, $"a batch whose first {Failing} requests failed without a response");
            return $"the server saw at most {peak} requests at once (limit {Limit}) for {Requests} requests, the status codes came back in "
                + $"input order, and after {Failing} failed requests the other {AfterFailures} were still sent.";
        });

    private static async Task<int[]?> RunAsync(
        IBoundedFetcher fetcher, HttpClient client, List<Uri> urls, CheckContext context, string what, DemoServer? server = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        deadline.CancelAfter(LoopbackCheck.Deadline);
        try
        {
            return await fetcher.GetAllAsync(client, urls, Limit, deadline.Token).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            string sent = server is null ? "" : $" The server received only {server.Stats.RequestsServed} of the {AfterFailures} requests after the failures:";
            context.Fail(server is null
                ? $"GetAllAsync did not finish {what} within {Duration(LoopbackCheck.Deadline)}."
                : $"GetAllAsync did not finish {what} within {Duration(LoopbackCheck.Deadline)}.{sent} a failed request never gave its slot "
                    + "back, so the others wait forever. Call Release() in a finally block.");
            return null;
        }
        catch (HttpRequestException error)
        {
            context.Fail($"GetAllAsync threw HttpRequestException ({error.Message}) for {what}. Catch it for each request, record status 0, "
                + "and carry on with the others.");
            return null;
        }
    }

    private static void RequireCodes(int[]? codes, int[] expected, CheckContext context, string what)
    {
        context.Require(codes is not null, $"GetAllAsync returned null for {what}; return one status code per URL.");
        context.Require(
            codes.Length == expected.Length,
            $"GetAllAsync returned {codes.Length} status codes for {what} of {expected.Length} URLs; return one per URL.");
        for (int i = 0; i < expected.Length; i++)
        {
            context.Require(
                codes[i] == expected[i],
                $"for {what}, status code #{i} is {codes[i]} but URL #{i} answers {expected[i]}"
                + (expected[i] == 0 ? " (0 stands for a request that failed without a response)" : "")
                + ". Store each code at its URL's index, not in completion order.");
        }
    }
}
