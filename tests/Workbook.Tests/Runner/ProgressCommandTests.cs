using System.Diagnostics;
using System.Text.Json;
using Workbook.Exercises;
using Workbook.Runner.Execution;
using Workbook.Runner.Progress;
using Workbook.Tests.Exercises;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>The instructor's side of the progress command: several learners' files read side by side.</summary>
public sealed class ProgressCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Learner(string name, params (string Id, CheckOutcome Outcome)[] checks)
    {
        var path = _temp.File(name + ".json");
        var store = new ProgressStore(path);
        foreach (var (id, outcome) in checks) store.Record(id, outcome);
        // A learner who never ran a check still hands in a (version 1, empty) file.
        if (checks.Length == 0) File.WriteAllText(path, "{ \"version\": 1, \"exercises\": {} }");
        File.Delete(path + ".lock");
        return path;
    }

    [Fact]
    public void Format_ThreeLearners_MarksEachExerciseAndCountsPasses()
    {
        Learner("alice", ("99.1", CheckOutcome.Failed), ("99.1", CheckOutcome.Passed), ("99.2", CheckOutcome.Passed));
        Learner("bob", ("99.1", CheckOutcome.Failed), ("99.1", CheckOutcome.Failed), ("99.2", CheckOutcome.NotAttempted));
        Learner("carol");

        var learners = ClassProgress.Read(ClassProgress.Files([_temp.Path]), TestExercises.All, chapter: null);
        var lines = ClassProgress.Format(learners).Split('\n');

        Assert.Equal(["alice", "bob", "carol"], learners.Select(l => l.Name));
        Assert.Matches(@"^Exercise\s+Title\s+alice\s+bob\s+carol\s+Passed by$", lines[0]);
        Assert.Matches(@"^99\.1\s+Run once\s+✓\s+✗2\s+-\s+1 of 3$", lines[2]);
        Assert.Matches(@"^99\.2\s+Run on workers\s+✓\s+·\s+-\s+1 of 3$", lines[3]);
        Assert.Matches(@"^99\.3\s+Always fails\s+-\s+-\s+-\s+0 of 3$", lines[4]);
        Assert.Contains(lines, l => l.StartsWith("alice", StringComparison.Ordinal) && l.Contains("2 of 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("carol", StringComparison.Ordinal) && l.Contains("0 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LearnerFolders_NamedAfterTheFolderAndFilesUntouched()
    {
        Directory.CreateDirectory(_temp.File("dave"));
        var file = _temp.File("dave/progress.json");
        new ProgressStore(file).Record("99.1", CheckOutcome.Passed);
        File.Delete(file + ".lock");
        var before = File.ReadAllText(file);

        var learners = ClassProgress.Read(ClassProgress.Files([_temp.Path]), TestExercises.All, chapter: null);

        Assert.Equal("dave", Assert.Single(learners).Name);
        Assert.Equal(before, File.ReadAllText(file));
        Assert.False(File.Exists(file + ".lock"), "reading must not create a lock file in a learner's folder");
    }

    [Fact]
    public void Read_BrokenFile_ReportedByNameAndNotMoved()
    {
        Learner("erin", ("99.1", CheckOutcome.Passed));
        File.WriteAllText(_temp.File("frank.json"), "{ not json");

        var learners = ClassProgress.Read(ClassProgress.Files([_temp.Path]), TestExercises.All, chapter: null);
        var text = ClassProgress.Format(learners);

        Assert.Contains("frank: " + _temp.File("frank.json") + " cannot be read (", text, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.File("frank.json")));
        Assert.Matches(@"99\.1\s+Run once\s+✓\s+1 of 1", text);
    }

    [Fact]
    public void ToJson_Learners_HoldsEveryExerciseWithCounts()
    {
        Learner("gina", ("99.3", CheckOutcome.Failed));

        var json = ClassProgress.ToJson(ClassProgress.Read([_temp.File("gina.json")], TestExercises.All, chapter: null));
        using var document = JsonDocument.Parse(json);
        var gina = document.RootElement[0];

        Assert.Equal("gina", gina.GetProperty("name").GetString());
        Assert.Equal(0, gina.GetProperty("passed").GetInt32());
        var failed = gina.GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "99.3");
        Assert.Equal(1, failed.GetProperty("failures").GetInt32());
        Assert.False(failed.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Files_MissingPath_ThrowsNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ClassProgress.Files([_temp.File("nobody")]));

        Assert.Contains("nobody: no such progress file or folder", error.Message, StringComparison.Ordinal);
    }

    // The command as an instructor types it: a real runner process over a folder of learners' files.
    private async Task<(int ExitCode, string Output)> RunProgressAsync(params string[] args)
    {
        var info = RunnerHost.StartInfo(["progress", .. args], Repo.Root);
        // The instructor's own progress file must not leak into the class view.
        info.Environment["WORKBOOK_PROGRESS"] = _temp.File("instructor/own.json");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, await stdout.WaitAsync(TimeSpan.FromSeconds(30)) + await stderr.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ProgressCommand_ClassFolderAndChapter_PrintsEveryLearnerForTheRealCatalogue()
    {
        Directory.CreateDirectory(_temp.File("class"));
        var alice = new ProgressStore(_temp.File("class/alice.json"));
        alice.Record("01.1", CheckOutcome.Passed);
        alice.Record("01.3", CheckOutcome.Failed);
        new ProgressStore(_temp.File("class/bob.json")).Record("01.1", CheckOutcome.NotAttempted);
        File.Delete(_temp.File("class/alice.json.lock"));
        File.Delete(_temp.File("class/bob.json.lock"));

        var (code, output) = await RunProgressAsync(_temp.File("class"), "--chapter", "01-threads");

        Assert.True(code == 0, output);
        var lines = output.Split('\n');
        Assert.Matches(@"^Exercise\s+Title\s+alice\s+bob\s+Passed by", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^01\.1\s+A thread-safe counter\s+✓\s+·\s+1 of 2"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^01\.3\s.*✗1\s+-\s+0 of 2"));
        Assert.DoesNotContain(lines, l => l.StartsWith("02.1", StringComparison.Ordinal));
        Assert.False(File.Exists(_temp.File("instructor/own.json")), "the class view must not create the instructor's own progress file");
    }

    [Fact]
    public async Task ProgressCommand_MissingFolder_ExitCodeTwoNamingIt()
    {
        var (code, output) = await RunProgressAsync(_temp.File("nobody-here"));

        Assert.Equal(2, code);
        Assert.Contains("nobody-here: no such progress file or folder", output, StringComparison.Ordinal);
    }
}
