namespace Workbook.Tests.Tuning;

/// <summary>
/// Tests that read process-wide runtime counters (lock contentions, collections, the thread pool)
/// run alone, so other tests' work does not show up in their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TuningCollection
{
    public const string Name = "Tuning: process-wide runtime counters";
}
