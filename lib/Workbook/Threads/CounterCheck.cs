using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Threads;

/// <summary>The check of exercise 01.1: a counter must count every increment made by many threads at once.</summary>
internal static class CounterCheck
{
    private const int MinRounds = 2;
    private const long EnoughOverlap = 4_000_000;
    private static readonly TimeSpan s_roundLength = TimeSpan.FromMilliseconds(500);

    public static string Verify(Func<ICounter> create, CheckContext context)
    {
        // One thread first: a plain logic error deserves its own message, not a race verdict.
        ICounter single = create();
        long initial = single.Value;
        context.Require(initial == 0, $"a new counter's Value is {Count(initial)}; it should start at 0.");
        for (int i = 0; i < 3; i++)
        {
            single.Increment();
        }

        long afterThree = single.Value;
        context.Require(afterThree == 3, $"after 3 calls of Increment on one thread, Value is {Count(afterThree)}; expected 3.");

        int threads = context.ThreadCount;
        TimeSpan budget = context.Timeout / 2;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long total = 0, overlapped = 0;
        int round = 0;

        // Keep going until the threads have demonstrably run side by side for long enough (on a
        // busy machine they may mostly take turns, and taking turns hides the race), within budget.
        while (round < MinRounds || (overlapped < EnoughOverlap && clock.Elapsed + s_roundLength < budget))
        {
            round++;
            ICounter counter = create();

            // Each thread counts its own calls privately, so the expected total is exact.
            ConcurrentRun run = context.RunThreadsFor(threads, s_roundLength, _ => counter.Increment());
            long expected = run.TotalCalls;
            long counted = counter.Value;
            if (counted < expected)
            {
                context.Fail(
                    $"expected {Count(expected)} increments ({threads} threads at once, round {round}), "
                    + $"counted {Count(counted)}: {Count(expected - counted)} updates were lost. "
                    + "Two threads read the same old value and both wrote back that value + 1, so one increment vanished.");
            }

            context.Require(
                counted == expected,
                $"expected {Count(expected)} increments ({threads} threads at once), but Value says {Count(counted)}: more than were made.");
            total += expected;
            overlapped += run.OverlappedCalls;
        }

        string caveat = overlapped < EnoughOverlap
            ? " (note: the machine was so busy that the threads rarely ran at the same moment; run the check again when it is quieter to be sure)"
            : string.Empty;
        return $"{threads} threads incrementing one counter together, {round} rounds, {Count(total)} increments "
            + $"({Count(overlapped)} made while another thread was incrementing too): every increment was counted{caveat}.";
    }
}
