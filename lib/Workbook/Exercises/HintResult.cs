namespace Workbook.Exercises;

/// <summary>One hint shown (or the note that there are no more).</summary>
/// <param name="ExerciseId">The exercise the hint belongs to.</param>
/// <param name="Level">The hint level shown, 1-based; 0 when no hint was shown.</param>
/// <param name="LevelCount">How many hint levels the exercise has.</param>
/// <param name="Text">The text printed.</param>
public sealed record HintResult(string ExerciseId, int Level, int LevelCount, string Text)
{
    /// <summary>True when a hint was shown (false for "no more hints" or an unknown exercise).</summary>
    public bool Shown => Level > 0;

    /// <summary>The printed text.</summary>
    public override string ToString() => Text;
}
