using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Queues;

/// <summary>How the 06.1 check compares what came out of a stage with what should have.</summary>
internal static partial class ChannelStageCheck
{
    /// <summary>Compares what came out with work(first..last) and names the first difference.</summary>
    private static void RequireSame(CheckContext context, string round, IReadOnlyList<int> seen, int first, int last, int failedTryWrites, bool onlyDropped = false)
    {
        var expected = Enumerable.Range(first, last - first + 1).Select(Work).ToList();
        var remaining = expected.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var extra = new List<int>();
        foreach (var item in seen)
        {
            if (remaining.TryGetValue(item, out var count) && count > 0)
            {
                remaining[item] = count - 1;
            }
            else
            {
                extra.Add(item);
            }
        }

        var missing = remaining.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order().ToList();
        if (missing.Count > 0 && failedTryWrites > 0)
        {
            context.Fail(
                $"{round.ToLowerInvariant()} {Count(missing.Count)} of {Count(expected.Count)} items never came out "
                + $"(first missing: work({(missing[0] - 1) / 3}) = {missing[0]}), and TryWrite returned false {Count(failedTryWrites)} times because the output was full. "
                + "TryWrite does not wait: when it returns false the item is simply not written, so your stage dropped it. "
                + "Use await output.WriteAsync(result, cancellationToken), which waits for room.");
        }

        if (onlyDropped)
        {
            return;
        }

        if (missing.Count > 0 && extra.Count > 0 && extra.Take(3).All(x => x is >= 1 && x <= last && !expected.Contains(x)))
        {
            context.Fail($"{round.ToLowerInvariant()} item {first} came out as {seen[0]}, but work({first}) = {Work(first)}: write work(item), not the item itself.");
        }

        context.Require(
            missing.Count == 0,
            $"{round.ToLowerInvariant()} {Count(missing.Count)} of {Count(expected.Count)} items never came out (first missing: work({(missing.FirstOrDefault() - 1) / 3}) = {missing.FirstOrDefault()}).");
        context.Require(
            extra.Count == 0,
            $"{round.ToLowerInvariant()} {Count(extra.Count)} unexpected items came out (first: {extra.FirstOrDefault()}): every input item must come out exactly once, as work(item).");
    }
}
