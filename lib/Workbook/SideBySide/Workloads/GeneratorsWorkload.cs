using Workbook.Coroutines;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Generators"/>: chapter 04's <see cref="ItemCost"/>, the sum
/// of 2 × i from a plain loop and from an iterator method (<c>yield return</c>), like the Python
/// plain loop and generator.
/// </summary>
internal static class GeneratorsWorkload
{
    public static SideMeasurement Run(Workload workload, CancellationToken cancellationToken)
    {
        int items = workload.Int("items");
        ItemCost.Loop(Math.Min(items, 10_000));
        ItemCost.Iterator(Math.Min(items, 10_000));
        (Dictionary<string, double> best, Dictionary<string, long> sums) = Rounds.Run<long>(
            Rounds.ForShortRuns(workload["repeats"]),
            [
                ("loop", () => ItemCost.Loop(items)),
                ("generator", () => ItemCost.Iterator(items)),
            ],
            cancellationToken);
        return Rounds.Measurement([("sum", Rounds.Same(sums, "the sum"))], best);
    }
}
