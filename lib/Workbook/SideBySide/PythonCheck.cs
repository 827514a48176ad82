namespace Workbook.SideBySide;

/// <summary>Whether the Python interpreter can be started, and what the comparisons will therefore show.</summary>
/// <param name="Available">True when Python runs: comparisons are live.</param>
/// <param name="Executable">The interpreter that was tried.</param>
/// <param name="Message">One line for the reader: which Python runs, or why none does and what is shown instead.</param>
public sealed record PythonCheck(bool Available, string Executable, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
