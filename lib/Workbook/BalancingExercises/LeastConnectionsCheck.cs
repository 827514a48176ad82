using Workbook.Balancing;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.BalancingExercises;

/// <summary>
/// The check of exercise 07.2. One thread first, so each mistake gets its own message: every pick
/// must go to a least-loaded backend, and a ticket ended by success, failure, cancellation or
/// disposal must decrement exactly once, however often it is ended. Then many threads pick and end
/// tickets at once, and race to end the same tickets; afterwards every count must be exactly 0.
/// </summary>
internal static class LeastConnectionsCheck
{
    private const int MaxBackends = 64;
    private const int HeldPerBackend = 3;
    private const int SharedTickets = 4_000;
    private static readonly TimeSpan s_roundLength = TimeSpan.FromMilliseconds(400);

    public static string Verify(Func<ILeastConnections> create, CheckContext context)
    {
        var balancer = create();
        int n = balancer.Count;
        context.Require(
            n >= 2 && n <= MaxBackends,
            $"your balancer says Count = {n}; build it over 2 to {MaxBackends} backends (for example new YourBalancer(backends: 4)) so the check can load them.");
        var expected = new int[n];
        RequireCounts(balancer, expected, context, "a new balancer, before any pick");

        // Phase 1: hold tickets, so the choices are forced and the counts must follow them exactly.
        var held = new List<IRequestTicket>[n];
        for (int i = 0; i < n; i++)
        {
            held[i] = [];
        }

        for (int k = 0; k < HeldPerBackend * n; k++)
        {
            var ticket = PickChecked(balancer, expected, context, $"pick #{k + 1}");
            held[ticket.Backend].Add(ticket);
        }

        // Phase 2: end one ticket each way and check its backend, one outcome at a time.
        End(balancer, held, expected, 0, t => t.Complete(RequestOutcome.Success), context, Messages.AfterSuccess);
        End(balancer, held, expected, 1 % n, t => t.Complete(RequestOutcome.Failure), context, Messages.AfterFailure);
        End(balancer, held, expected, 2 % n, t => t.Complete(RequestOutcome.Cancelled), context, Messages.AfterCancelled);
        End(balancer, held, expected, 3 % n, t => t.Dispose(), context, Messages.AfterDispose);
        EndTwice(balancer, held, expected, 1 % n, context);

        // The freed capacity must be used: the next picks go to the backends that now have the fewest.
        for (int k = 0; k < n; k++)
        {
            var ticket = PickChecked(balancer, expected, context, $"a pick after some requests ended (#{k + 1})");
            held[ticket.Backend].Add(ticket);
        }

        foreach (var list in held)
        {
            foreach (var ticket in list)
            {
                ticket.Dispose();
                expected[ticket.Backend]--;
            }
        }

        RequireCounts(balancer, expected, context, "every held ticket was disposed");

        // Phase 3: many threads, every kind of ending, for long enough that they really overlap.
        long concurrent = 0;
        int threads = context.ThreadCount;
        for (int round = 1; round <= 2; round++)
        {
            var shared = create();

            // One call counter per thread, 16 ints apart so threads do not share a cache line.
            var calls = new int[threads * 16];
            var run = context.RunThreadsFor(threads, s_roundLength, index => OneRequest(shared, calls[index * 16]++));
            concurrent += run.TotalCalls;
            RequireAllZero(shared, context, $"{threads} threads made {Count(run.TotalCalls)} requests at once (round {round}) and ended every one of them");
        }

        // Phase 4: several threads end the SAME tickets at the same moment; each must still count once.
        var racing = create();
        var tickets = new IRequestTicket[SharedTickets];
        for (int k = 0; k < tickets.Length; k++)
        {
            tickets[k] = racing.Pick();
        }

        context.RunThreads(threads, index =>
        {
            for (int k = 0; k < tickets.Length; k++)
            {
                // Different threads walk the tickets from different starting points and end them differently.
                var ticket = tickets[(k + (index * 997)) % tickets.Length];
                if ((index & 1) == 0)
                {
                    ticket.Complete(RequestOutcome.Success);
                }
                else
                {
                    ticket.Dispose();
                }
            }
        });
        RequireAllZero(racing, context, $"{threads} threads raced to end the same {Count(SharedTickets)} tickets (each thread ended every ticket)", Messages.RacedEnding);

        return $"every pick went to a least-loaded backend; success, failure, cancellation and Dispose each decremented exactly once, "
            + $"a ticket ended three times counted once; {threads} threads made {Count(concurrent)} requests at once and raced to end "
            + $"{Count(SharedTickets)} shared tickets, and every count came back to exactly 0.";
    }

    private static IRequestTicket PickChecked(ILeastConnections balancer, int[] expected, CheckContext context, string which)
    {
        var ticket = balancer.Pick();
        context.Require(ticket is not null, $"{which}: Pick returned null; return a ticket for the request.");
        int b = ticket.Backend;
        context.Require(b >= 0 && b < expected.Length, $"{which}: the ticket says backend {b}, but the backends are 0..{expected.Length - 1}.");
        int fewest = expected.Min();
        int idle = Array.IndexOf(expected, fewest);
        context.Require(
            expected[b] == fewest,
            $"{which} went to backend {b}, which had {expected[b]} outstanding, while backend {idle} had only {fewest}. "
            + $"Outstanding before the pick: [{string.Join(", ", expected)}]. Least connections sends each request to a backend with the FEWEST outstanding requests.");
        expected[b]++;
        int reported = balancer.Outstanding(b);
        context.Require(
            reported == expected[b],
            $"{which} went to backend {b}, which now has {expected[b]} outstanding, but Outstanding({b}) says {reported}. "
            + "Count the request on its backend when you pick it (Interlocked.Increment), or the next pick cannot see it.");
        return ticket;
    }

    private static void End(
        ILeastConnections balancer,
        List<IRequestTicket>[] held,
        int[] expected,
        int backend,
        Action<IRequestTicket> end,
        CheckContext context,
        Func<int, int, int, string> message)
    {
        var ticket = held[backend][^1];
        held[backend].RemoveAt(held[backend].Count - 1);
        end(ticket);
        expected[backend]--;
        int reported = balancer.Outstanding(backend);
        context.Require(reported == expected[backend], message(backend, reported, expected[backend]));
    }

    private static void EndTwice(ILeastConnections balancer, List<IRequestTicket>[] held, int[] expected, int backend, CheckContext context)
    {
        var ticket = held[backend][^1];
        held[backend].RemoveAt(held[backend].Count - 1);
        ticket.Complete(RequestOutcome.Success);
        expected[backend]--;
        int afterFirst = balancer.Outstanding(backend);
        context.Require(afterFirst == expected[backend], Messages.AfterSuccess(backend, afterFirst, expected[backend]));
        ticket.Complete(RequestOutcome.Failure);
        int afterSecond = balancer.Outstanding(backend);
        context.Require(afterSecond == expected[backend], Messages.EndedTwice(backend, afterSecond, expected[backend], "Complete was called a second time on the same ticket"));
        ticket.Dispose();
        int afterDispose = balancer.Outstanding(backend);
        context.Require(afterDispose == expected[backend], Messages.EndedTwice(backend, afterDispose, expected[backend], "the completed ticket was then disposed, as a using block does"));
    }

    private static void OneRequest(ILeastConnections balancer, int call)
    {
        var ticket = balancer.Pick();

        // Each thread cycles through every kind of ending.
        switch (call % 5)
        {
            case 0:
                ticket.Complete(RequestOutcome.Success);
                break;
            case 1:
                ticket.Complete(RequestOutcome.Failure);
                break;
            case 2:
                ticket.Dispose();
                break;
            case 3:
                ticket.Complete(RequestOutcome.Success);
                ticket.Dispose();
                break;
            default:
                ticket.Complete(RequestOutcome.Cancelled);
                ticket.Complete(RequestOutcome.Success);
                break;
        }
    }

    private static void RequireCounts(ILeastConnections balancer, int[] expected, CheckContext context, string when)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            int reported = balancer.Outstanding(i);
            context.Require(reported == expected[i], $"{when}: Outstanding({i}) is {reported}, expected {expected[i]}.");
        }
    }

    private static void RequireAllZero(ILeastConnections balancer, CheckContext context, string when, string? cause = null)
    {
        var counts = Enumerable.Range(0, balancer.Count).Select(balancer.Outstanding).ToArray();
        if (counts.All(c => c == 0))
        {
            return;
        }

        string diagnosis = cause ?? (counts.Any(c => c < 0)
            ? "Negative counts mean some ticket was decremented more than once: end each ticket exactly once, "
                + "with Interlocked.Exchange(ref _ended, 1) == 0 deciding which call does it."
            : "Counts above 0 after every ticket ended mean decrements went missing: either some ending did not decrement, or two "
                + "threads updated the same count at once and one update was lost (count++ is read, add, write). Use Interlocked.Increment/Decrement.");
        context.Fail($"{when}, yet Outstanding is [{string.Join(", ", counts)}]; every count should be back to 0. {diagnosis}");
    }

    private static class Messages
    {
        public const string RacedEnding =
            "Some tickets were decremented more than once: two threads each saw 'not ended yet' and both decremented. "
            + "Checking a bool and then setting it is two steps; make it one with if (Interlocked.Exchange(ref _ended, 1) == 0) { decrement }.";

        public static string AfterSuccess(int backend, int reported, int expected) => reported > expected
            ? $"a request on backend {backend} completed successfully, but Outstanding({backend}) is still {reported} (expected {expected}): "
                + "your balancer never decrements. Every finished request keeps counting, so each backend looks busier and busier, "
                + "and least connections ends up choosing by how many requests a backend has EVER had, not how many it has now. "
                + "Decrement when the ticket ends."
            : $"a request on backend {backend} completed successfully, and Outstanding({backend}) dropped to {reported}; it should be {expected}: one ending, one decrement.";

        public static string AfterFailure(int backend, int reported, int expected) => reported > expected
            ? $"a request on backend {backend} FAILED, and Outstanding({backend}) is still {reported} (expected {expected}): you only decrement on success. "
                + "A failed request is over too. Counting it forever makes a backend that returns errors look permanently busy, "
                + "so it is starved long after it recovers, and the leak grows with every error. Decrement on every outcome."
            : $"a request on backend {backend} failed, and Outstanding({backend}) dropped to {reported}; it should be {expected}: one ending, one decrement.";

        public static string AfterCancelled(int backend, int reported, int expected) => reported > expected
            ? $"a request on backend {backend} was CANCELLED (Complete(RequestOutcome.Cancelled)), and Outstanding({backend}) is still {reported} (expected {expected}). "
                + "A cancelled request no longer occupies the backend; decrement on every outcome, not just success."
            : $"a request on backend {backend} was cancelled, and Outstanding({backend}) dropped to {reported}; it should be {expected}: one ending, one decrement.";

        public static string AfterDispose(int backend, int reported, int expected) => reported > expected
            ? $"a ticket on backend {backend} was disposed without Complete (the caller gave up or threw inside its using block), "
                + $"and Outstanding({backend}) is still {reported} (expected {expected}). Dispose must end a ticket that has not ended yet, as a cancellation."
            : $"a ticket on backend {backend} was disposed without Complete, and Outstanding({backend}) dropped to {reported}; it should be {expected}: one ending, one decrement.";

        public static string EndedTwice(int backend, int reported, int expected, string what) =>
            $"{what}, and Outstanding({backend}) went from {expected} to {reported}: the same request was subtracted twice. "
            + "A using block disposes the ticket even after Complete, so endings repeat in normal code; only the first one may decrement. "
            + "Keep an 'ended' flag in the ticket and set it with Interlocked.Exchange(ref _ended, 1), decrementing only when it returns 0.";
    }
}
