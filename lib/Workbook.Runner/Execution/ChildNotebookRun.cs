using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workbook.Runner.Execution;

/// <summary>
/// Runs one notebook in a child process of its own (a fresh kernel, its own working directory) and
/// collects the outcome. The child enforces the per-cell timeout; this side adds a last guard and
/// kills the child's whole process tree if it does not end, so nothing outlives the run.
/// </summary>
public static class ChildNotebookRun
{
    /// <summary>
    /// Runs <paramref name="notebookPath"/>, writing the executed notebook to <paramref name="executedPath"/>.
    /// Exercise checks in the notebook record into <paramref name="progressPath"/>, never into the
    /// learner's own progress file: an automated run (solutions mode above all) is not the learner's work.
    /// </summary>
    public static async Task<NotebookOutcome> RunAsync(string notebookPath, string executedPath, string progressPath, ExecuteOptions options, int codeCells, CancellationToken cancellationToken = default)
    {
        // The child runs in the notebook's folder, so it is given absolute paths only.
        var given = notebookPath;
        notebookPath = Path.GetFullPath(notebookPath);
        executedPath = Path.GetFullPath(executedPath);
        var resultPath = executedPath + ".result.json";
        var ledgerPath = executedPath + ".ledger";
        File.Delete(resultPath);
        File.Delete(ledgerPath);
        var args = new List<string>
        {
            "execute", notebookPath, "--executed", executedPath, "--result", resultPath,
            "--cell-timeout", options.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Solutions) args.Add("--solutions");
        if (options.Repeat > 1) args.AddRange(["--repeat", options.Repeat.ToString(CultureInfo.InvariantCulture)]);

        var clock = Stopwatch.StartNew();
        var start = RunnerHost.StartInfo(args, Path.GetDirectoryName(notebookPath)!);
        start.Environment[Workbook.Exercises.ProgressStore.EnvironmentVariable] = Path.GetFullPath(progressPath);
        // Every server and process the library opens in the kernel is recorded here, so what it left
        // behind can be found even if the kernel dies.
        start.Environment[Workbook.Ledger.ResourceLedger.FileVariable] = ledgerPath;
        using var process = new Process { StartInfo = start };
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        // Wait for the kernel process itself, not for its output pipes to close: a process the
        // notebook leaked may hold them open, and the leftover guard deals with it afterwards.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Every cell may use its full timeout in every pass, plus time to start the kernel and load packages.
        var guard = options.CellTimeout * Math.Max(1, codeCells) * options.Repeat + TimeSpan.FromMinutes(2);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(guard);
        try
        {
            await exited.Task.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            return WithLeftovers(Failure(given, clock, $"the kernel process did not finish within {guard.TotalMinutes:0} min and was killed."), ledgerPath);
        }

        if (File.Exists(resultPath))
        {
            var outcome = JsonSerializer.Deserialize<NotebookOutcome>(File.ReadAllText(resultPath), Json.Options);
            File.Delete(resultPath);
            if (outcome is not null) return WithLeftovers(outcome with { Notebook = given, Seconds = clock.Elapsed.TotalSeconds }, ledgerPath);
        }
        string tail;
        lock (log) tail = string.Join(Environment.NewLine, log.ToString().Split('\n').TakeLast(15));
        return WithLeftovers(Failure(given, clock, $"the kernel process exited with code {process.ExitCode} before reporting a result.{Environment.NewLine}{tail}"), ledgerPath);
    }

    /// <summary>Adds to the outcome anything the ledger says outlived the kernel (and stops it), then removes the ledger.</summary>
    private static NotebookOutcome WithLeftovers(NotebookOutcome outcome, string ledgerPath)
    {
        var leftovers = NotebookLeftovers.AfterExit(ledgerPath);
        File.Delete(ledgerPath);
        if (leftovers is null) return outcome;
        return outcome with { Error = outcome.Error is null ? leftovers : outcome.Error + Environment.NewLine + leftovers };
    }

    private static NotebookOutcome Failure(string notebookPath, Stopwatch clock, string message) =>
        new(notebookPath, Path.GetFileNameWithoutExtension(notebookPath), [], clock.Elapsed.TotalSeconds, null, message);

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* already gone */ }
        process.WaitForExit(10_000);
    }
}

/// <summary>The JSON settings shared by the runner's result files.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
