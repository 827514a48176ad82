using System.Diagnostics;
using Workbook.Runner.Authoring;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Runner;

/// <summary>The runner as a learner or CI invokes it: a real process, its exit code and what it prints.</summary>
[Collection(RunnerCollection.Name)]
public class RunnerCommandLineTests
{
    private static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var info = RunnerHost.StartInfo(args, Repo.Root);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task Run_MissingPath_ExitCodeTwoAndMessage()
    {
        var (code, output) = await RunCliAsync("run", "/no/such/notebooks");
        Assert.Equal(2, code);
        Assert.Contains("/no/such/notebooks: no such file or folder", output);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitCodeTwoAndUsageHint()
    {
        var (code, output) = await RunCliAsync("run", "--fast");
        Assert.Equal(2, code);
        Assert.Contains("unknown option --fast", output);
    }

    [Fact]
    public async Task Run_BadTimeout_ExitCodeTwoAndMessage()
    {
        var (code, output) = await RunCliAsync("run", "notebooks", "--cell-timeout", "soon");
        Assert.Equal(2, code);
        Assert.Contains("--cell-timeout expects a positive number of seconds", output);
    }

    [Fact]
    public async Task Run_FailingCell_ExitCodeOneAndSummaryNamesIt()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("f.ipynb"), NotebookTemplate.FromDib("#!csharp\n\n1\n\n#!csharp\n\nthrow new Exception(\"planned failure\");\n"));
        var (code, output) = await RunCliAsync("run", temp.File("f.ipynb"), "--out", temp.File("out"), "--no-site");
        Assert.Equal(1, code);
        Assert.Contains("f.ipynb cell 2: Failed", output);
        Assert.Contains("planned failure", output);
    }

    [Fact]
    public async Task Run_NotebookLeavesProcessRunning_FailsAndKillsIt()
    {
        // The leftover guard works on Linux (child subreaper); the workbook's machines are Linux.
        Assert.True(OperatingSystem.IsLinux(), "this check needs Linux");
        using var temp = new TempFolder();
        var pidFile = temp.File("pid.txt").Replace("\\", "/");
        var code = "var p = System.Diagnostics.Process.Start(\"sleep\", \"300\");\nSystem.IO.File.WriteAllText(\"" + pidFile + "\", p.Id.ToString());\n";
        File.WriteAllText(temp.File("leak.ipynb"), NotebookTemplate.FromDib("#!csharp\n\n" + code));

        var (exit, output) = await RunCliAsync("run", temp.File("leak.ipynb"), "--out", temp.File("out"), "--no-site");

        Assert.Equal(1, exit);
        Assert.Contains("after its last cell the notebook still had open what it should have disposed", output);
        Assert.Contains("still running: process", output);
        Assert.Contains("sleep 300", output);
        Assert.Contains("Leftover processes were killed", output);
        var pid = int.Parse(File.ReadAllText(pidFile));
        Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("sleep"), $"the leaked sleep (pid {pid}) is still running");
    }
}
