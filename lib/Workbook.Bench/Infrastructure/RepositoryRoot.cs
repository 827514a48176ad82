namespace Workbook.Bench.Infrastructure;

/// <summary>Finds the repository root: the nearest folder, from the working directory or the program's own, that holds Workbook.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root folder.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="DirectoryNotFoundException">Neither the working directory nor the program lies inside the repository.</exception>
    public static string Find()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Workbook.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Workbook.sln was not found above the working directory or the program: run the benchmark from the repository, e.g. dotnet run -c Release --project lib/Workbook.Bench");
    }
}
