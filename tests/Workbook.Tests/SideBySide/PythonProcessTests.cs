using Workbook.SideBySide;
using Workbook.Tests.Support;

namespace Workbook.Tests.SideBySide;

/// <summary>The child-process half of the runner, driven with shell scripts that stand in for python3.</summary>
public sealed class PythonProcessTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_MissingExecutable_ThrowsUnavailableNamingIt()
    {
        string missing = _folder.File("no-such-python");

        var error = await Assert.ThrowsAsync<PythonUnavailableException>(
            () => PythonProcess.RunAsync(missing, ["-c", "pass"], TimeSpan.FromSeconds(30), null, CancellationToken.None).Within());

        Assert.Equal(missing, error.Executable);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(SideBySideOptions.PythonVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExitsWithError_ReportsCodeAndStderrTail()
    {
        string python = Support.FakePython(_folder.Path, "echo 'Traceback: something broke' >&2\nexit 3");

        var error = await Assert.ThrowsAsync<PythonRunException>(
            () => PythonProcess.RunAsync(python, [], TimeSpan.FromSeconds(30), null, CancellationToken.None).Within());

        Assert.Equal(3, error.ExitCode);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("something broke", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Succeeds_ReturnsStdoutAndStderrSeparately()
    {
        string python = Support.FakePython(_folder.Path, "echo progress >&2\necho \"$1-$2\"");

        (string stdout, string stderr) = await PythonProcess.RunAsync(python, ["a", "b c"], TimeSpan.FromSeconds(30), null, CancellationToken.None).Within();

        Assert.Equal("a-b c", stdout.Trim());
        Assert.Equal("progress", stderr.Trim());
    }

    [Fact]
    public async Task RunAsync_RunsPastItsLimit_IsKilledAndReaped()
    {
        string python = Support.FakePython(_folder.Path, "echo started >&2\nexec sleep 300");
        int pid = 0;

        var error = await Assert.ThrowsAsync<PythonRunException>(
            () => PythonProcess.RunAsync(python, [], TimeSpan.FromSeconds(2), started: id => pid = id, CancellationToken.None).Within());

        Assert.Null(error.ExitCode);
        Assert.Contains("longer than its limit of 2 s", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, pid);

        // Reaped, not merely killed: a zombie would still have its /proc entry.
        Assert.False(Support.Exists(pid), $"the timed-out child {pid} is still in the process table");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheWholeTree()
    {
        string marker = _folder.File("grandchild.pid");
        string python = Support.FakePython(_folder.Path, $"sleep 300 &\necho $! > '{marker}'\nwait");
        int pid = 0;
        using var cancel = new CancellationTokenSource();

        Task run = PythonProcess.RunAsync(python, [], TimeSpan.FromMinutes(5), started: id => pid = id, cancel.Token);
        await Support.UntilExistsAsync(marker);
        int grandchild = int.Parse(File.ReadAllText(marker).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Support.IsRunning(grandchild), "the grandchild should be running before the cancellation");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Support.Bound));
        Assert.False(Support.Exists(pid), $"the cancelled child {pid} is still in the process table");
        Assert.False(Support.IsRunning(grandchild), $"the grandchild {grandchild} (like a multiprocessing worker) still runs");
    }
}
