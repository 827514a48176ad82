using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Threads;

/// <summary>
/// The check of exercise 01.2: every element summed exactly once, the right total, and the work
/// really spread over more than one thread.
/// </summary>
internal static class ParallelSumCheck
{
    // Lengths deliberately not divisible by the part counts (except where parts = 1), so a
    // dropped remainder shows; the big cases first, so a race has plenty of room to show.
    private static readonly (int Length, int Parts)[] s_cases =
    [
        (1_000_003, 4),
        (1_000_000, 3),
        (750_001, 7),
        (999_999, 2),
        (10, 3),
        (1_000, 1),
    ];

    public static string Verify(Func<IParallelSummer> create, CheckContext context)
    {
        int mostThreads = 0;
        for (int c = 0; c < s_cases.Length; c++)
        {
            var (length, parts) = s_cases[c];
            IParallelSummer summer = create();

            // Values 1..1000: never zero, so every lost addition changes the total.
            Random random = context.CreateRandom(c);
            int[] values = new int[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = random.Next(1, 1001);
            }

            var data = new TrackedArray(values);
            long expected = data.SequentialSum();
            long actual = summer.Sum(data, parts);
            string where = $"Sum(data of {Count(length)} elements, parts: {parts})";

            TrackedArray.Coverage coverage = data.Inspect();
            if (coverage.Missing > 0)
            {
                bool tail = coverage.FirstMissing == length - coverage.Missing;
                context.Fail(tail
                    ? $"{where}: the last {Count(coverage.Missing)} elements (indexes {Count(coverage.FirstMissing)} to {Count(length - 1)}) were never read. "
                        + $"{Count(length)} / {parts} leaves a remainder of {length % parts}: the last part must run to data.Length."
                    : $"{where}: {Count(coverage.Missing)} elements were never read, the first at index {Count(coverage.FirstMissing)}: there is a gap between two ranges.");
            }

            if (coverage.Repeated > 0)
            {
                context.Fail(
                    $"{where}: element {Count(coverage.FirstRepeated)} was read {coverage.WorstRepeat} times ({Count(coverage.Repeated)} elements were read more than once): "
                    + "the ranges overlap, so those elements are counted twice. Make each range end (exclusive) exactly where the next one starts.");
            }

            if (actual != expected)
            {
                context.Fail(
                    $"{where}: every element was read exactly once, yet the result is {Count(actual)} instead of {Count(expected)} (off by {Count(expected - actual)}). "
                    + "Additions were lost: several threads updated one shared total at the same time. Give each part its own partial sum and add the partial sums after every thread has finished.");
            }

            if (parts > 1)
            {
                mostThreads = Math.Max(mostThreads, data.ThreadsUsed);
            }
        }

        context.Require(
            mostThreads > 1,
            "the sums are right, but every element was read by only one thread, in every case with 2 or more parts. "
                + "Start one Thread (or Task.Run) per part so the parts really run at the same time.");

        return $"{s_cases.Length} cases with 1 to 7 parts and lengths that do not divide evenly (up to {Count(1_000_003)} elements): "
            + $"every element read exactly once, every sum exact, work spread over up to {mostThreads} threads.";
    }
}
