using Workbook.Balancing;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Balancing"/>: chapter 07's balancers replaying the same
/// request trace as the Python tiny balancer. Request t arrives at step t and holds its backend
/// for 1 to 12 steps (drawn from the shared <see cref="Lcg"/>); every request that has ended is
/// released before the next pick, so least connections sees the same counts on both sides.
/// </summary>
internal static class BalancingWorkload
{
    private static readonly string[] s_policies = ["round-robin", "weighted-round-robin", "least-connections"];

    public static SideMeasurement Run(Workload workload, CancellationToken cancellationToken)
    {
        int requests = workload.Int("requests");
        ulong seed = (ulong)workload["seed"];
        foreach (string policy in s_policies)
        {
            Replay(policy, Math.Min(requests, 5_000), seed);
        }

        (Dictionary<string, double> best, Dictionary<string, Trace> traces) = Rounds.Run<Trace>(
            Rounds.ForShortRuns(workload["repeats"]),
            [.. s_policies.Select(policy => (policy, (Func<Trace>)(() => Replay(policy, requests, seed))))],
            cancellationToken);
        var result = new List<(string, long)>();
        foreach ((string policy, Trace trace) in traces)
        {
            result.AddRange(trace.Picks.Select((count, backend) => ($"{policy}.b{backend}", count)));
            result.Add(($"{policy}.hash", trace.Hash));
        }

        return Rounds.Measurement(result, best);
    }

    /// <summary>Every weight-4/2/1/1 backend's pick count and a hash of the whole pick sequence.</summary>
    internal static Trace Replay(string policy, int requests, ulong seed)
    {
        Balancer balancer = Balancers.Create(policy, Backend.Weighted(("b0", 4), ("b1", 2), ("b2", 1), ("b3", 1)));
        var ends = new PriorityQueue<Lease, (long End, long Step)>();
        var random = new Lcg(seed);
        var picks = new long[balancer.Count];
        uint hash = 0;
        for (long step = 0; step < requests; step++)
        {
            while (ends.TryPeek(out Lease? ended, out (long End, long Step) when) && when.End <= step)
            {
                ends.Dequeue();
                ended.Complete(RequestOutcome.Success, TimeSpan.Zero);
            }

            Lease lease = balancer.Pick();
            picks[lease.Index]++;
            hash = unchecked((hash * 31) + (uint)lease.Index + 1); // uint wraps like Python's "& MASK32"
            ends.Enqueue(lease, (step + 1 + (random.Next() % 12), step));
        }

        return new Trace(picks, hash);
    }

    /// <summary>The outcome of one replay; equal when the counts and the hash are.</summary>
    internal sealed record Trace(long[] Picks, long Hash)
    {
        public bool Equals(Trace? other) => other is not null && Hash == other.Hash && Picks.SequenceEqual(other.Picks);

        public override int GetHashCode() => Hash.GetHashCode();

        public override string ToString() => $"picks {string.Join("/", Picks)}, hash {Hash}";
    }
}
