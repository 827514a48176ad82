namespace Workbook.Twins;

/// <summary>Where a twin is and where it writes: what a <see cref="TwinSession"/> needs to know.</summary>
/// <param name="Chapter">The chapter's file name without extension, e.g. <c>"01-threads"</c>.</param>
/// <param name="Title">The chapter's title, e.g. <c>"01 · Threads"</c>.</param>
/// <param name="Root">The repository root: printed paths are relative to it.</param>
/// <param name="TwinFile">The twin as a learner runs it from the repository root, e.g. <c>"twins/01-threads.cs"</c>.</param>
/// <param name="ChartFolder">The folder the chapter's chart pages are written to.</param>
/// <param name="ScriptFolder">The folder plotly.js is written to (the chart folder's parent, shared by every chapter).</param>
/// <param name="Arguments">The twin's command line.</param>
public sealed record TwinSettings(string Chapter, string Title, string Root, string TwinFile, string ChartFolder, string ScriptFolder, TwinArguments Arguments)
{
    /// <summary>The command that runs this twin, e.g. <c>dotnet run twins/01-threads.cs</c>.</summary>
    public string RunCommand => $"dotnet run {TwinFile}";

    /// <summary><paramref name="path"/> relative to <see cref="Root"/> (with forward slashes) when it is inside it, else in full.</summary>
    /// <param name="path">A file or folder.</param>
    /// <returns>The path to print.</returns>
    public string Display(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }
}
