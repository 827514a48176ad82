using System.Globalization;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.BalancingExercises;

/// <summary>
/// The check of exercise 07.1: for several weight sets, the schedule must be deterministic, give
/// every backend exactly its weight per cycle, and stay within one pick of the fair share throughout.
/// </summary>
internal static class WeightedRoundRobinCheck
{
    private const int Cycles = 40;

    // 5:3:2 first: every typical mistake shows on it, and it is the example the chapter uses.
    private static readonly int[][] s_weightSets =
    [
        [5, 3, 2], [1, 1, 1], [2, 1], [4, 3, 2, 1], [7, 5, 3, 1], [3, 3, 1], [9, 1], [6, 4, 2],
    ];

    public static string Verify(Func<IWeightedRoundRobin> create, CheckContext context)
    {
        long picks = 0;
        foreach (var weights in s_weightSets)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            int total = weights.Sum();
            int count = Cycles * total;
            int[] first = Collect(create(), weights, count, context);
            int[] second = Collect(create(), weights, count, context);
            RequireRepeatable(first, second, weights, context);
            RequireExactCycles(first, weights, context);
            RequireSmooth(first, weights, context);
            picks += count;
        }

        return $"{s_weightSets.Length} weight sets, {Count(picks)} picks: every full cycle gave each backend exactly its weight, "
            + "and no backend ever drifted a whole pick from its fair share (5:3:2 interleaves as a b c a a b a c b a).";
    }

    private static int[] Collect(IWeightedRoundRobin answer, int[] weights, int count, CheckContext context)
    {
        var result = answer.Picks(Array.AsReadOnly((int[])weights.Clone()), count);
        context.Require(result is not null, $"Picks({Ratio(weights)}, {count}) returned null; return a list of {count} backend indexes.");
        context.Require(result.Count == count, $"Picks({Ratio(weights)}, {count}) returned {Count(result.Count)} picks; expected exactly {Count(count)}.");
        var picks = result.ToArray();
        for (int k = 0; k < picks.Length; k++)
        {
            context.Require(
                picks[k] >= 0 && picks[k] < weights.Length,
                $"with weights {Ratio(weights)}, pick #{k + 1} is {picks[k]}, but the only backend indexes are 0..{weights.Length - 1}.");
        }

        return picks;
    }

    private static void RequireRepeatable(int[] first, int[] second, int[] weights, CheckContext context)
    {
        int differ = 0;
        while (differ < first.Length && first[differ] == second[differ])
        {
            differ++;
        }

        if (differ == first.Length)
        {
            return;
        }

        int total = weights.Sum();
        var counts = CountsOf(first, weights.Length, first.Length);
        var expected = weights.Select(w => w * Cycles).ToArray();
        context.Fail(
            $"two fresh schedules for weights {Ratio(weights)} differ (pick #{differ + 1}: backend {first[differ]} once, backend {second[differ]} the other time). "
            + $"Weighted round-robin is a fixed schedule; choosing at random in proportion to the weights is only right on average: "
            + $"over {Count(first.Length)} picks your backends got {Ratio(counts)} instead of exactly {Ratio(expected)}, "
            + $"because the counts wander from one cycle of {total} picks to the next. Use no Random: keep a running score per backend.");
    }

    private static void RequireExactCycles(int[] picks, int[] weights, CheckContext context)
    {
        int total = weights.Sum();
        var counts = new int[weights.Length];
        for (int k = 0; k < picks.Length; k++)
        {
            counts[picks[k]]++;
            if ((k + 1) % total != 0)
            {
                continue;
            }

            int cycle = (k + 1) / total;
            var expected = weights.Select(w => w * cycle).ToArray();
            if (counts.SequenceEqual(expected))
            {
                continue;
            }

            int worst = Enumerable.Range(0, weights.Length).MaxBy(i => Math.Abs(counts[i] - expected[i]));
            string direction = counts[worst] < expected[worst] ? "too few" : "too many";
            context.Fail(
                $"weights {Ratio(weights)}: after {cycle} full cycle{(cycle == 1 ? string.Empty : "s")} ({Count(k + 1)} picks) your backends had {Ratio(counts)} picks; "
                + $"exact weighted round-robin gives {Ratio(expected)}. Backend {worst} (weight {weights[worst]}) got {Math.Abs(counts[worst] - expected[worst])} {direction}. "
                + "Every cycle of Σ weights picks must give each backend exactly its weight: if you shrink or scale the weights "
                + "(integer division rounds down, e.g. 5 / 2 = 2), part of a weight is lost. Use the weights as they are.");
        }
    }

    private static void RequireSmooth(int[] picks, int[] weights, CheckContext context)
    {
        double total = weights.Sum();
        var counts = new int[weights.Length];
        for (int k = 0; k < picks.Length; k++)
        {
            counts[picks[k]]++;
            for (int i = 0; i < weights.Length; i++)
            {
                double share = (k + 1) * weights[i] / total;
                double drift = counts[i] - share;

                // A whole pick of tolerance, plus rounding slack: nginx's smooth algorithm stays strictly inside it.
                if (Math.Abs(drift) <= 1 + 1e-9)
                {
                    continue;
                }

                var (runBackend, runLength, runStart) = LongestRun(picks, Math.Min(picks.Length, (int)total * 2));
                context.Fail(
                    $"weights {Ratio(weights)}: after {k + 1} picks backend {i} had {counts[i]} picks, but its fair share by then is "
                    + $"{share.ToString("0.#", CultureInfo.InvariantCulture)}: it is {Math.Abs(drift).ToString("0.#", CultureInfo.InvariantCulture)} picks "
                    + $"{(drift > 0 ? "ahead" : "behind")}. Your schedule starts {Preview(picks, (int)total)}; backend {runBackend} is picked "
                    + $"{runLength} times in a row (picks {runStart + 1}-{runStart + runLength}). The totals per cycle are right, but each backend gets its share "
                    + "in one burst while the others wait. Interleave them: smooth weighted round-robin starts 5:3:2 as 0 1 2 0 0 1 0 2 1 0, "
                    + "never a whole pick away from any backend's fair share.");
            }
        }
    }

    private static (int Backend, int Length, int Start) LongestRun(int[] picks, int limit)
    {
        (int Backend, int Length, int Start) best = (picks[0], 1, 0);
        int run = 1;
        for (int k = 1; k < limit; k++)
        {
            run = picks[k] == picks[k - 1] ? run + 1 : 1;
            if (run > best.Length)
            {
                best = (picks[k], run, k - run + 1);
            }
        }

        return best;
    }

    private static int[] CountsOf(int[] picks, int backends, int length)
    {
        var counts = new int[backends];
        for (int k = 0; k < length; k++)
        {
            counts[picks[k]]++;
        }

        return counts;
    }

    private static string Ratio(IEnumerable<int> values) => string.Join(":", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static string Preview(int[] picks, int length) =>
        string.Join(" ", picks.Take(Math.Min(length, 20)).Select(p => p.ToString(CultureInfo.InvariantCulture))) + (length > 20 ? " …" : string.Empty);
}
