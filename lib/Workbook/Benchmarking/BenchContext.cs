namespace Workbook.Benchmarking;

/// <summary>What every benchmark item gets: the run's settings, its folders, the tools and a log.</summary>
/// <remarks>Immutable apart from the log writer, which items use from one thread at a time.</remarks>
public sealed record BenchContext
{
    /// <summary>Rounds per side-by-side measurement.</summary>
    public required int Rounds { get; init; }

    /// <summary>True for a smoke run: items use small workloads.</summary>
    public required bool Quick { get; init; }

    /// <summary>The repository root (holds Workbook.sln, notebooks/, data/).</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The folder results and scratch files go to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Finds external programs.</summary>
    public IToolLocator Tools { get; init; } = PathToolLocator.Instance;

    /// <summary>Where progress lines go.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>Interleaves <paramref name="contenders"/> for <see cref="Rounds"/> rounds, logging each sample.</summary>
    /// <param name="contenders">The contenders.</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    /// <param name="warmUp">Call each contender once, untimed, first (see <see cref="InterleavedRounds.RunAsync"/>).</param>
    /// <returns>The samples.</returns>
    public Task<RoundSamples> MeasureAsync(IReadOnlyList<Contender> contenders, CancellationToken cancellationToken, bool warmUp = true)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        var units = contenders.Where(c => c is not null).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Unit);
        return InterleavedRounds.RunAsync(
            contenders,
            Rounds,
            warmUp,
            (round, name, value) => Log.WriteLine($"    round {round + 1}: {name}: {BenchFormat.WithUnit(value, units[name])}"),
            cancellationToken);
    }
}
