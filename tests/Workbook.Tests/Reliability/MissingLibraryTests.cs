using Workbook.Runner.Execution;
using Workbook.Tests.Runner;
using Workbook.Tests.Support;

namespace Workbook.Tests.Reliability;

/// <summary>
/// A fresh clone opened before anything is built: the setup cell says which command builds the
/// library, the run fails (non-zero exit) instead of pretending, and later cells still get a kernel.
/// </summary>
[Collection(RunnerCollection.Name)]
public class MissingLibraryTests
{
    [Fact]
    public async Task Run_LibraryNotBuilt_SetupCellNamesTheBuildCommandAndRunFails()
    {
        using var temp = new TempFolder();
        // A repository-shaped folder with the notebooks' setup script but no artifacts/ build output.
        Directory.CreateDirectory(temp.File("notebooks"));
        File.Copy(Path.Combine(Repo.Notebooks, "workbook.csx"), temp.File(Path.Combine("notebooks", "workbook.csx")));
        var dib = SyntheticNotebook.Cells("#load \"workbook.csx\"", "Console.WriteLine(6 * 7);");

        var outcome = await SyntheticNotebook.RunAsync(temp, dib, name: Path.Combine("notebooks", "setup.ipynb"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(CellStatus.Failed, outcome.Cells[0].Status);
        Assert.Contains("The workbook library is not built yet", outcome.Cells[0].Error);
        Assert.Contains("dotnet build lib/Workbook", outcome.Cells[0].Error);
        Assert.Equal(CellStatus.Passed, outcome.Cells[1].Status);
        Assert.Equal("42", SyntheticNotebook.Printed(outcome)[1].Trim());
    }
}
