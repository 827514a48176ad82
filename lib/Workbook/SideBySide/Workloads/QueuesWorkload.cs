using Workbook.Queues;

namespace Workbook.SideBySide;

/// <summary>
/// The C# half of <see cref="Technique.Queues"/>: chapter 06's <see cref="HandOff"/>, one producer
/// handing 1..n to one consumer through a bounded <c>BlockingCollection</c> (two blocked threads,
/// like <c>queue.Queue</c>) and through a bounded <c>Channel</c> (async, like <c>asyncio.Queue</c>).
/// </summary>
internal static class QueuesWorkload
{
    public static async Task<SideMeasurement> RunAsync(Workload workload, CancellationToken cancellationToken)
    {
        int items = workload.Int("items");
        HandOffReport report = await HandOff.CompareAsync(items, workload.Int("capacity"), Rounds.ForShortRuns(workload["repeats"]), cancellationToken)
            .ConfigureAwait(false);

        // HandOff counts and sums what the consumer received in every round and throws unless it is
        // exactly 1..n, so reaching this line means these are the values the consumer saw.
        long checksum = (long)items * (items + 1) / 2;
        return Rounds.Measurement(
            [("items", items), ("checksum", checksum)],
            new()
            {
                ["blocking"] = items / report.BlockingCollectionPerSecond,
                ["async"] = items / report.ChannelPerSecond,
            });
    }
}
