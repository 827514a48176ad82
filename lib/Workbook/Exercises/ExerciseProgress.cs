namespace Workbook.Exercises;

/// <summary>What the progress file remembers about one exercise.</summary>
/// <param name="ExerciseId">The exercise, e.g. <c>"01.1"</c>.</param>
/// <param name="Attempts">How many times its check ran (any outcome).</param>
/// <param name="Passes">How many of those runs passed.</param>
/// <param name="Failures">How many failed (including time-outs).</param>
/// <param name="NotAttempted">How many found the stub still unimplemented.</param>
/// <param name="FirstPassed">When it first passed (UTC), or null.</param>
/// <param name="LastPassed">When it last passed (UTC), or null.</param>
/// <param name="LastAttempt">When its check last ran (UTC), or null.</param>
public sealed record ExerciseProgress(
    string ExerciseId,
    int Attempts,
    int Passes,
    int Failures,
    int NotAttempted,
    DateTimeOffset? FirstPassed,
    DateTimeOffset? LastPassed,
    DateTimeOffset? LastAttempt)
{
    /// <summary>True once the exercise has passed at least once.</summary>
    public bool Passed => Passes > 0;

    /// <summary>A record with no attempts.</summary>
    /// <param name="exerciseId">The exercise.</param>
    /// <returns>The empty record.</returns>
    public static ExerciseProgress None(string exerciseId)
    {
        ArgumentNullException.ThrowIfNull(exerciseId);
        return new(exerciseId, 0, 0, 0, 0, null, null, null);
    }

    /// <summary>This record after one more check run that ended with <paramref name="outcome"/> at <paramref name="at"/>.</summary>
    /// <param name="outcome">How the run ended.</param>
    /// <param name="at">When (UTC).</param>
    /// <returns>The updated record.</returns>
    public ExerciseProgress With(CheckOutcome outcome, DateTimeOffset at) => outcome switch
    {
        CheckOutcome.Passed => this with
        {
            Attempts = Attempts + 1,
            Passes = Passes + 1,
            FirstPassed = FirstPassed ?? at,
            LastPassed = at,
            LastAttempt = at,
        },
        CheckOutcome.Failed => this with { Attempts = Attempts + 1, Failures = Failures + 1, LastAttempt = at },
        _ => this with { Attempts = Attempts + 1, NotAttempted = NotAttempted + 1, LastAttempt = at },
    };
}
