using Workbook.Runner.Execution;

namespace Workbook.Tests.Support;

/// <summary>Paths inside the repository under test.</summary>
public static class Repo
{
    public static string Root { get; } = RunnerHost.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Workbook.sln not found above the test output folder.");

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static IEnumerable<string> NotebookFiles() =>
        Directory.GetFiles(Notebooks, "*.ipynb").Order(StringComparer.Ordinal);
}

/// <summary>A temporary folder deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "workbook-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
