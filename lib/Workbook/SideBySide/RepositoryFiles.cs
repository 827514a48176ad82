namespace Workbook.SideBySide;

/// <summary>Finds the repository's data files from wherever the library runs (a notebook, a test, a tool).</summary>
internal static class RepositoryFiles
{
    /// <summary>The script with the Python halves, relative to the repository root.</summary>
    public const string Script = "data/python/side_by_side.py";

    /// <summary>The folder of recorded comparisons, relative to the repository root.</summary>
    public const string Recorded = "data/python/recorded";

    /// <summary>
    /// The first existing <paramref name="relative"/> path above the current directory (a notebook's
    /// folder) or above the library's own folder (artifacts/bin/…), or null.
    /// </summary>
    public static string? Find(string relative)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Find"/>, but throws when the path is not found.</summary>
    /// <exception cref="FileNotFoundException">Not found (the message says where it looked and which option to set).</exception>
    public static string Require(string relative, string option) =>
        Find(relative) ?? throw new FileNotFoundException(
            $"Could not find {relative} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; set SideBySideOptions.{option} to its path.",
            relative);
}
