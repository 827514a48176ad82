namespace Workbook.Exercises;

/// <summary>
/// Thrown by <see cref="CheckContext.Fail"/> to end a check with a specific failure message.
/// The runner turns it into a FAILED result; it never reaches a notebook.
/// </summary>
internal sealed class ExerciseFailedException(string message) : Exception(message);
