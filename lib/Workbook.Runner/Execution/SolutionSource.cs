using System.Text.RegularExpressions;

namespace Workbook.Runner.Execution;

/// <summary>
/// Finds the reference solution for an exercise stub cell. A stub cell starts with
/// <c>// Exercise 01.2: title</c>; its solution is <c>solutions/&lt;notebook name&gt;/01.2.cs</c> beside the notebook.
/// </summary>
public static partial class SolutionSource
{
    [GeneratedRegex(@"^\s*//\s*Exercise\s+(?<id>[0-9]{2}\.[0-9]+[a-z]?)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex StubHeader();

    /// <summary>The exercise id a stub cell declares on its first line, or null for an ordinary cell.</summary>
    public static string? ExerciseId(string cellSource)
    {
        var match = StubHeader().Match(cellSource);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>The path where the solution for <paramref name="exerciseId"/> of a notebook lives.</summary>
    public static string PathFor(string notebookPath, string exerciseId)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        return Path.Combine(folder, "solutions", Path.GetFileNameWithoutExtension(notebookPath), exerciseId + ".cs");
    }

    /// <summary>The solution's code, or a clear error when the file is missing.</summary>
    /// <exception cref="FileNotFoundException">No solution file exists for the exercise.</exception>
    public static string Read(string notebookPath, string exerciseId)
    {
        var path = PathFor(notebookPath, exerciseId);
        if (!File.Exists(path))
            throw new FileNotFoundException($"exercise {exerciseId} has no reference solution: expected {path}", path);
        return File.ReadAllText(path);
    }
}
