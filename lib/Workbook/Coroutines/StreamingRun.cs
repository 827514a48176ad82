using Workbook.Measurement;

namespace Workbook.Coroutines;

/// <summary>The result of a <see cref="StreamingDemo"/> run: what the consumer received, how long it took, and who was busy when.</summary>
/// <param name="Name">The run's name, e.g. "pull".</param>
/// <param name="Received">The items the consumer received, in the order it received them.</param>
/// <param name="Elapsed">From the first request to the last item used.</param>
/// <param name="Spans">The producer's and the consumer's busy periods (lanes "NAME: make" and "NAME: use").</param>
public sealed record StreamingRun(string Name, IReadOnlyList<int> Received, TimeSpan Elapsed, IReadOnlyList<ActivitySpan> Spans)
{
    /// <summary>The producer's lane name in <see cref="Spans"/>.</summary>
    public string ProducerLane => $"{Name}: make";

    /// <summary>The consumer's lane name in <see cref="Spans"/>.</summary>
    public string ConsumerLane => $"{Name}: use";

    /// <summary>The total time the producer spent making items.</summary>
    public TimeSpan ProducerBusy => Busy(ProducerLane);

    /// <summary>The total time the consumer spent using items.</summary>
    public TimeSpan ConsumerBusy => Busy(ConsumerLane);

    /// <summary>How long the producer and the consumer were busy at the same time.</summary>
    public TimeSpan Overlap
    {
        get
        {
            var producer = Spans.Where(s => s.Lane == ProducerLane).ToList();
            var consumer = Spans.Where(s => s.Lane == ConsumerLane).ToList();
            TimeSpan total = TimeSpan.Zero;
            foreach (ActivitySpan p in producer)
            {
                foreach (ActivitySpan c in consumer)
                {
                    TimeSpan start = p.Start > c.Start ? p.Start : c.Start;
                    TimeSpan end = p.End < c.End ? p.End : c.End;
                    if (end > start)
                    {
                        total += end - start;
                    }
                }
            }

            return total;
        }
    }

    /// <summary>E.g. "pull: 10 items in 512 ms (producer busy 205 ms, consumer busy 307 ms, both at once 0 ns)".</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Name}: {Received.Count} items in {Durations.Format(Elapsed)} (producer busy {Durations.Format(ProducerBusy)}, "
        + $"consumer busy {Durations.Format(ConsumerBusy)}, both at once {Durations.Format(Overlap)})";

    private TimeSpan Busy(string lane) =>
        Spans.Where(s => s.Lane == lane).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
}
