using Workbook.BalancingExercises;

namespace Workbook.Tests.Balancing.Fixtures;

// Exercise 07.1 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class SmoothScheduleStub : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        // TODO: keep a running score per backend; on each pick add every weight to its score,
        // choose the highest score, and subtract the total weight from the winner.
        throw new NotImplementedException();
    }
}

// Wrong answer: each backend's whole weight in one burst, 5:3:2 -> 0 0 0 0 0 1 1 1 2 2. Exact per cycle, not smooth.
public sealed class BurstySchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        var cycle = weights.SelectMany((w, i) => Enumerable.Repeat(i, w)).ToArray();
        return Enumerable.Range(0, count).Select(k => cycle[k % cycle.Length]).ToArray();
    }
}

// Wrong answer: "shrinks" the weights by dividing by the smallest; integer division turns 5:3:2 into 2:1:1.
public sealed class DividedWeightsSchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        int smallest = weights.Min();
        var scaled = weights.Select(w => w / smallest).ToArray();
        var current = new long[scaled.Length];
        int total = scaled.Sum();
        var picks = new int[count];
        for (int k = 0; k < count; k++)
        {
            int best = 0;
            for (int i = 0; i < scaled.Length; i++)
            {
                current[i] += scaled[i];
                if (current[i] > current[best]) best = i;
            }

            current[best] -= total;
            picks[k] = best;
        }

        return picks;
    }
}

// Wrong answer: random choice in proportion to weight: right on average, never exact, different every run.
public sealed class RandomWeightedSchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        int total = weights.Sum();
        var picks = new int[count];
        for (int k = 0; k < count; k++)
        {
            int ticket = Random.Shared.Next(total);
            int i = 0;
            while ((ticket -= weights[i]) >= 0) i++;
            picks[k] = i;
        }

        return picks;
    }
}

// Wrong answer: random in proportion to weight with a fixed seed: repeatable, but still not exact per cycle.
public sealed class SeededRandomWeightedSchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        var random = new Random(42);
        int total = weights.Sum();
        var picks = new int[count];
        for (int k = 0; k < count; k++)
        {
            int ticket = random.Next(total);
            int i = 0;
            while ((ticket -= weights[i]) >= 0) i++;
            picks[k] = i;
        }

        return picks;
    }
}
