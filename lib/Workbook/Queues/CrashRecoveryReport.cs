namespace Workbook.Queues;

/// <summary>How many messages one consumer had applied at one moment.</summary>
/// <param name="At">Time since the consumers started.</param>
/// <param name="Processed">Messages whose effect this consumer applied so far.</param>
public sealed record ProgressSample(TimeSpan At, long Processed);

/// <summary>One consumer's share of a crash-recovery run.</summary>
/// <param name="Consumer">The consumer's name.</param>
/// <param name="Applied">Messages whose effect it applied.</param>
/// <param name="Duplicates">Redeliveries it recognised and skipped.</param>
/// <param name="Timeline">Applied count over time (for a chart).</param>
public sealed record ConsumerProgress(string Consumer, long Applied, long Duplicates, IReadOnlyList<ProgressSample> Timeline)
{
    /// <inheritdoc />
    public override string ToString() => $"{Consumer}: applied {Applied}, duplicates skipped {Duplicates}";
}

/// <summary>The outcome of <see cref="CrashRecoveryScenario.RunAsync"/>.</summary>
/// <param name="Queue">Description of the queue used.</param>
/// <param name="Published">Messages published.</param>
/// <param name="ProcessedUnique">Distinct published messages whose effect was applied.</param>
/// <param name="Duplicates">Redeliveries recognised by id and not re-applied.</param>
/// <param name="Lost">Published messages never processed (<c>Published - ProcessedUnique</c>).</param>
/// <param name="Unexpected">Processed ids that were never published by this run.</param>
/// <param name="PendingAtEnd">Messages still unacknowledged at the end.</param>
/// <param name="HeldByCrashedConsumer">Messages consumer A had read but not acknowledged when it crashed.</param>
/// <param name="ReclaimedBySurvivor">Messages consumer B took over with XAUTOCLAIM (or its in-process equivalent).</param>
/// <param name="EffectsAppliedTwice">Ids whose effect ran more than once (must be 0 for exactly-once effects).</param>
/// <param name="Consumers">Per-consumer counts and timelines.</param>
/// <param name="Elapsed">Time from the consumers' start until everything was acknowledged (or the run gave up).</param>
public sealed record CrashRecoveryReport(
    string Queue,
    int Published,
    int ProcessedUnique,
    long Duplicates,
    int Lost,
    int Unexpected,
    long PendingAtEnd,
    int HeldByCrashedConsumer,
    long ReclaimedBySurvivor,
    int EffectsAppliedTwice,
    IReadOnlyList<ConsumerProgress> Consumers,
    TimeSpan Elapsed)
{
    /// <summary>True when every message was applied exactly once and nothing is left pending.</summary>
    public bool ExactlyOnce => Lost == 0 && Unexpected == 0 && PendingAtEnd == 0 && EffectsAppliedTwice == 0 && ProcessedUnique == Published;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Queue}{Environment.NewLine}" +
        $"published {Published}, processed {ProcessedUnique} unique, {Duplicates} duplicates removed, " +
        $"lost {Lost}, unexpected {Unexpected}, pending {PendingAtEnd}, effects applied twice {EffectsAppliedTwice}; " +
        $"A crashed holding {HeldByCrashedConsumer}, B reclaimed {ReclaimedBySurvivor}; {Elapsed.TotalSeconds:0.00} s" +
        Environment.NewLine + string.Join(Environment.NewLine, Consumers.Select(c => "  " + c));
}
