namespace Workbook.Exercises;

/// <summary>What one run of an exercise check found.</summary>
/// <param name="ExerciseId">The exercise checked, e.g. <c>"01.1"</c>.</param>
/// <param name="Title">The exercise's title, for display.</param>
/// <param name="Outcome">Passed, failed or not attempted yet.</param>
/// <param name="Message">
/// What was verified (when passed), what went wrong and how to get a hint (when failed), or
/// what to do next (when not attempted).
/// </param>
public sealed record CheckResult(string ExerciseId, string Title, CheckOutcome Outcome, string Message)
{
    /// <summary>True when <see cref="Outcome"/> is <see cref="CheckOutcome.Passed"/>.</summary>
    public bool Passed => Outcome == CheckOutcome.Passed;

    /// <summary>The label printed in front of the message: PASSED, FAILED or NOT ATTEMPTED YET.</summary>
    public string Label => Outcome switch
    {
        CheckOutcome.Passed => "PASSED",
        CheckOutcome.Failed => "FAILED",
        _ => "NOT ATTEMPTED YET",
    };

    /// <summary>The single line a check prints, e.g. <c>PASSED 01.1 (A thread-safe counter): ...</c>.</summary>
    public override string ToString() => $"{Label} {ExerciseId} ({Title}): {Message}";
}
