using Workbook.Runner.Twins;
using Workbook.Tests.Runner;
using Workbook.Tests.Support;

namespace Workbook.Tests.Twins;

/// <summary>
/// Every committed twin (twins/NN-name.cs) is exactly what its notebook generates now, so a notebook
/// edit without regenerating its twin fails here, naming the twin and the command that fixes it.
/// </summary>
public class TwinDriftTests
{
    private static string TwinFolder => Path.Combine(Repo.Root, TwinGenerator.DefaultFolder);

    [Theory]
    [MemberData(nameof(NotebookCatalogTests.Notebooks), MemberType = typeof(NotebookCatalogTests))]
    public void Twin_AsCommitted_MatchesWhatItsNotebookGenerates(string name)
    {
        // Generating also compiles the twin in memory: a twin that would not build fails here too.
        var twin = TwinGenerator.Generate(Path.Combine(Repo.Notebooks, name), TwinFolder);

        var difference = TwinsCommand.Difference(twin);

        Assert.True(difference is null,
            $"twins/{twin.Chapter}.cs {difference}.\nRegenerate it from the repository root: dotnet run --project lib/Workbook.Runner -- twins notebooks/{name}");
    }

    [Fact]
    public void Twins_EveryTwinFile_HasItsNotebook()
    {
        var notebooks = Repo.NotebookFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        var orphans = Directory.GetFiles(TwinFolder, "*.cs").Select(Path.GetFileNameWithoutExtension).Where(t => !notebooks.Contains(t)).ToList();

        Assert.True(orphans.Count == 0, $"twins without a notebook (delete them): {string.Join(", ", orphans)}");
    }

    [Fact]
    public void Twins_Folder_KeepsTheRepositoryBuildSettingsOut()
    {
        // Without this file every twin would build into the repository's shared artifacts/obj folder.
        var props = File.ReadAllText(Path.Combine(TwinFolder, "Directory.Build.props"));

        Assert.DoesNotContain("<Import", props, StringComparison.Ordinal);
    }
}
