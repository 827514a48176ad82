namespace Workbook.Coroutines;

/// <summary>
/// Counts how many items pass through each stage of a pipeline of iterators, and whether each
/// stage's enumerator was disposed: put <c>.CountInto(probe, "parse")</c> after a stage and
/// print the probe. It shows how little of the source a lazy pipeline ever touches.
/// </summary>
/// <remarks>
/// Counts are updated with <see cref="Interlocked"/>, so a probe may be read from any thread while
/// a pipeline runs, but the usual use is one pipeline on one thread. Enumerating a watched stage
/// twice adds to the same counters.
/// </remarks>
public sealed class PullProbe
{
    private readonly List<Stage> _stages = [];

    /// <summary>Every watched stage in the order it was added, with its counts so far.</summary>
    public IReadOnlyList<StagePulls> Stages
    {
        get
        {
            lock (_stages)
            {
                return _stages.Select(s => s.Snapshot()).ToArray();
            }
        }
    }

    /// <summary>How many items have passed through the named stage.</summary>
    /// <param name="stage">The stage name.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">No stage has that name.</exception>
    public long this[string stage] => Stages.FirstOrDefault(s => s.Stage == stage)?.Items
        ?? throw new ArgumentException($"The probe watches no stage named '{stage}'. Stages: {string.Join(", ", Stages.Select(s => s.Stage))}.", nameof(stage));

    /// <summary>Watches <paramref name="source"/>: every item it yields is counted under <paramref name="stage"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The stage's output.</param>
    /// <param name="stage">A short name, e.g. "read" or "parse"; unique within the probe.</param>
    /// <returns>The same items, lazily, with counting.</returns>
    /// <exception cref="ArgumentException">The name is blank or already used.</exception>
    public IEnumerable<T> Watch<T>(IEnumerable<T> source, string stage)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        var counter = new Stage(stage);
        lock (_stages)
        {
            if (_stages.Any(s => s.Name == stage))
            {
                throw new ArgumentException($"The probe already watches a stage named '{stage}'.", nameof(stage));
            }

            _stages.Add(counter);
        }

        return Count(source, counter);
    }

    /// <summary>E.g. "read: 41 → parse: 41 → hot: 5 → first 5: 5 (every stage disposed)".</summary>
    /// <returns>The counts in stage order, and which stages were left open.</returns>
    public override string ToString()
    {
        var stages = Stages;
        var open = stages.Where(s => s.Opened > s.Closed).Select(s => s.Stage).ToList();
        string closing = stages.Count == 0 ? string.Empty
            : open.Count == 0 ? " (every stage disposed)"
            : $" (still open: {string.Join(", ", open)})";
        return string.Join(" → ", stages.Select(s => $"{s.Stage}: {s.Items:N0}")) + closing;
    }

    private static IEnumerable<T> Count<T>(IEnumerable<T> source, Stage stage)
    {
        Interlocked.Increment(ref stage.Opened);
        try
        {
            foreach (T item in source)
            {
                Interlocked.Increment(ref stage.Items);
                yield return item;
            }
        }
        finally
        {
            // Runs when the consumer disposes this enumerator, also after an early break.
            Interlocked.Increment(ref stage.Closed);
        }
    }

    private sealed class Stage(string name)
    {
        public long Items;
        public long Opened;
        public long Closed;

        public string Name { get; } = name;

        public StagePulls Snapshot() => new(Name, Interlocked.Read(ref Items), Interlocked.Read(ref Opened), Interlocked.Read(ref Closed));
    }
}

/// <summary>The counts of one watched stage.</summary>
/// <param name="Stage">The stage name.</param>
/// <param name="Items">How many items passed through it.</param>
/// <param name="Opened">How many times it was enumerated (GetEnumerator plus a first MoveNext).</param>
/// <param name="Closed">How many of those enumerations were disposed.</param>
public sealed record StagePulls(string Stage, long Items, long Opened, long Closed)
{
    /// <summary>True when every enumeration of the stage was disposed (its resources released).</summary>
    public bool Disposed => Opened == Closed;
}

/// <summary>The fluent form of <see cref="PullProbe.Watch{T}"/>.</summary>
public static class PullProbeExtensions
{
    /// <summary>Counts the items of this stage into <paramref name="probe"/> under <paramref name="stage"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The stage's output.</param>
    /// <param name="probe">The probe.</param>
    /// <param name="stage">The stage name.</param>
    /// <returns>The same items, lazily, with counting.</returns>
    public static IEnumerable<T> CountInto<T>(this IEnumerable<T> source, PullProbe probe, string stage)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe.Watch(source, stage);
    }
}
