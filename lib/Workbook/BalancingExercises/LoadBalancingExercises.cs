using Workbook.Exercises;

namespace Workbook.BalancingExercises;

/// <summary>The exercises of chapter 07 (load balancing).</summary>
public sealed class LoadBalancingExercises : IExerciseSet
{
    /// <summary>The chapter folder name.</summary>
    public const string ChapterName = "07-load-balancing";

    /// <inheritdoc />
    public string Chapter => ChapterName;

    /// <inheritdoc />
    public IReadOnlyList<Exercise> Exercises { get; } =
    [
        Exercise.Define<IWeightedRoundRobin>(
            "07.1",
            ChapterName,
            "Smooth weighted round-robin",
            [
                "Think of every backend as being owed a share: after t picks, backend i should have had t × weight[i] / total. "
                    + "Which backend is furthest behind its share right now? Pick that one, and the picks interleave by themselves.",
                "nginx keeps a running score per backend (long[] current, all 0 at the start). On every pick: add each backend's weight "
                    + "to its score, choose the backend with the highest score (the lower index on a tie), then subtract the total weight "
                    + "from the winner's score. Use the weights as they are: no dividing, no scaling, no Random.",
                "Nearly the answer: var current = new long[n]; int total = weights.Sum(); for each pick k: int best = 0; "
                    + "for (int i = 0; i < n; i++) { current[i] += weights[i]; if (current[i] > current[best]) best = i; } "
                    + "current[best] -= total; picks[k] = best;",
            ],
            WeightedRoundRobinCheck.Verify),

        Exercise.Define<ILeastConnections>(
            "07.2",
            ChapterName,
            "Least connections that always decrements",
            [
                "The ticket is the only thing that knows its request has ended. Which of its methods can end a request (think of a "
                    + "failure, a cancelled caller, a using block after Complete), and how many times may the count go down for one ticket?",
                "Keep int[] _outstanding. Pick: find the smallest count, Interlocked.Increment it, and return a ticket that remembers "
                    + "the backend and its balancer. In the ticket keep an int _ended; Complete (whatever the outcome) and Dispose both "
                    + "decrement only if Interlocked.Exchange(ref _ended, 1) returns 0, so the first ending counts and every later one does nothing.",
                "Nearly the answer: private sealed class Ticket(FewestOutstanding owner, int backend) : IRequestTicket { private int _ended; "
                    + "public int Backend => backend; public void Complete(RequestOutcome outcome) { if (Interlocked.Exchange(ref _ended, 1) == 0) "
                    + "Interlocked.Decrement(ref owner._outstanding[backend]); } public void Dispose() => Complete(RequestOutcome.Cancelled); }",
            ],
            LeastConnectionsCheck.Verify),

        Exercise.Define<ITwoChoices>(
            "07.3",
            ChapterName,
            "Power of two choices, two different backends",
            [
                "Two samples, then one comparison. How do you make sure the second sample can never be the same backend as the first, "
                    + "without a retry loop?",
                "int first = random.Next(n); then draw the second from the other n - 1 backends: int second = random.Next(n - 1); "
                    + "if (second >= first) second++; Return the one with fewer outstanding requests, keeping first on a tie. "
                    + "Handle n == 1 before sampling.",
                "Nearly the answer: int n = outstanding.Count; if (n == 1) return 0; int a = random.Next(n); int b = random.Next(n - 1); "
                    + "if (b >= a) b++; return outstanding[b] < outstanding[a] ? b : a;",
            ],
            TwoChoicesCheck.Verify),
    ];
}
