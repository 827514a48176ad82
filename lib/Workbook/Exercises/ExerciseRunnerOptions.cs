namespace Workbook.Exercises;

/// <summary>How an <see cref="ExerciseRunner"/> runs checks; every property has a sensible default.</summary>
public sealed record ExerciseRunnerOptions
{
    /// <summary>The time limit for one check (20 s by default).</summary>
    public TimeSpan Timeout { get; init; } = ExerciseRunner.DefaultTimeout;

    /// <summary>Where results are recorded; null records nothing.</summary>
    public ProgressStore? Progress { get; init; }

    /// <summary>Where outcomes and hints are printed; null means the console at the time of the call.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The exercises known to the runner; null means <see cref="ExerciseCatalogue.All"/>.</summary>
    public IReadOnlyList<Exercise>? Exercises { get; init; }

    /// <summary>The base seed for the checks' random data.</summary>
    public int Seed { get; init; } = 2024;
}
