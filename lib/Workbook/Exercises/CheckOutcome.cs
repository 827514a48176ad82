namespace Workbook.Exercises;

/// <summary>The three ways an exercise check can end.</summary>
public enum CheckOutcome
{
    /// <summary>The learner's code still throws <see cref="NotImplementedException"/> somewhere.</summary>
    NotAttempted,

    /// <summary>The code ran but broke a rule the check verifies, threw, or did not finish in time.</summary>
    Failed,

    /// <summary>Every property the check verifies held.</summary>
    Passed,
}
