// Exercise 07.1: Smooth weighted round-robin
using System.Collections.Generic;
using System.Linq;
using Workbook.BalancingExercises;

// Reference solution: nginx's algorithm. Every pick raises each score by its weight, the highest
// score wins and pays the total back, so each backend is always within one pick of its fair share.
public sealed class SmoothSchedule : IWeightedRoundRobin
{
    public IReadOnlyList<int> Picks(IReadOnlyList<int> weights, int count)
    {
        var current = new long[weights.Count];
        int total = weights.Sum();
        var picks = new int[count];
        for (int k = 0; k < count; k++)
        {
            int best = 0;
            for (int i = 0; i < weights.Count; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best]) best = i;
            }

            current[best] -= total;
            picks[k] = best;
        }

        return picks;
    }
}
