namespace Workbook.SideBySide;

/// <summary>What <see cref="PythonVsCSharp.RunAsync"/> does when the Python interpreter cannot be started.</summary>
public enum PythonFallback
{
    /// <summary>Return the comparison recorded in <c>data/python/recorded/</c> (both sides from one real run), marked as recorded.</summary>
    UseRecorded,

    /// <summary>Throw <see cref="PythonUnavailableException"/>.</summary>
    Throw,
}
