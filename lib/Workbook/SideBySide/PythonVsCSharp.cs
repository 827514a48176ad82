using System.Reflection;
using System.Diagnostics;

namespace Workbook.SideBySide;

/// <summary>
/// Runs each technique's workload in CPython (<c>data/python/side_by_side.py</c>, as a child
/// process) and in C# (the workbook library), one right after the other, and compares them:
/// <c>var threads = await PythonVsCSharp.RunAsync(Technique.Threads);</c>. When Python cannot be
/// started it returns the comparison recorded in <c>data/python/recorded/</c> instead, marked
/// <see cref="ComparisonSource.Recorded"/>.
/// </summary>
/// <remarks>
/// Thread-safety: the methods keep no shared state, but they measure speed, so run one at a time.
/// Python runs under <see cref="SideBySideOptions.PythonTimeLimit"/>; on time-out or cancellation
/// its whole process tree is killed and reaped before the call returns, and cancellation also
/// stops the C# half at its next check. Nothing the call starts (processes, sockets, servers)
/// outlives it.
/// </remarks>
public static class PythonVsCSharp
{
    /// <summary>The eight techniques, in the article's order.</summary>
    public static IReadOnlyList<Technique> All { get; } = Enum.GetValues<Technique>();

    /// <summary>Whether the workbook library runs JIT-optimised (Release) code; the notebooks use the Debug build.</summary>
    public static bool CSharpOptimized { get; } =
        typeof(PythonVsCSharp).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>Runs one technique's workload on both sides (or loads its recording when Python is missing).</summary>
    /// <param name="technique">Which technique.</param>
    /// <param name="options">Interpreter, sizes, time limit; defaults when null.</param>
    /// <param name="cancellationToken">Stops both halves; Python's process tree is killed.</param>
    /// <returns>The comparison: both results, both sides' figures and their ratios.</returns>
    /// <exception cref="PythonUnavailableException">Python cannot be started and <see cref="SideBySideOptions.WhenPythonMissing"/> is Throw, or there is no recording to fall back on.</exception>
    /// <exception cref="PythonRunException">Python started but failed, ran too long, or printed something unusable.</exception>
    /// <exception cref="FileNotFoundException">The Python script cannot be found.</exception>
    public static async Task<Comparison> RunAsync(Technique technique, SideBySideOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SideBySideOptions();
        try
        {
            return (await RunLiveAsync(technique, options, cancellationToken).ConfigureAwait(false)).Comparison;
        }
        catch (PythonUnavailableException missing) when (options.WhenPythonMissing == PythonFallback.UseRecorded)
        {
            string path = Recording.PathFor(RecordedFolder(options), technique);
            if (!File.Exists(path))
            {
                throw new PythonUnavailableException($"{missing.Message} There is no recorded {technique} comparison to show instead ({path}).", missing)
                {
                    Executable = missing.Executable,
                };
            }

            return Recording.Load(path, technique);
        }
    }

    /// <summary>Runs every technique in turn (see <see cref="RunAsync"/>).</summary>
    /// <param name="options">Interpreter, sizes, time limit; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One comparison per technique, in <see cref="All"/> order.</returns>
    public static async Task<IReadOnlyList<Comparison>> RunAllAsync(SideBySideOptions? options = null, CancellationToken cancellationToken = default)
    {
        var comparisons = new List<Comparison>();
        foreach (Technique technique in All)
        {
            comparisons.Add(await RunAsync(technique, options, cancellationToken).ConfigureAwait(false));
        }

        return comparisons;
    }

    /// <summary>The recorded comparison of <paramref name="technique"/>, whether or not Python is available.</summary>
    /// <param name="technique">Which technique.</param>
    /// <param name="options">Where the recordings are; defaults when null.</param>
    /// <returns>The recorded comparison.</returns>
    /// <exception cref="FileNotFoundException">There is no recording for it.</exception>
    /// <exception cref="InvalidDataException">The recording is damaged.</exception>
    public static Comparison LoadRecorded(Technique technique, SideBySideOptions? options = null) =>
        Recording.Load(Recording.PathFor(RecordedFolder(options ?? new SideBySideOptions()), technique), technique);

    /// <summary>Runs one technique live and saves the comparison in the recorded folder (Python must be available).</summary>
    /// <param name="technique">Which technique.</param>
    /// <param name="options">Interpreter, sizes, folder; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The live comparison that was saved.</returns>
    /// <exception cref="PythonUnavailableException">Python cannot be started.</exception>
    public static async Task<Comparison> RecordAsync(Technique technique, SideBySideOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SideBySideOptions();
        string folder = options.RecordedFolder ?? Path.Combine(
            Path.GetDirectoryName(ScriptPath(options))!, "recorded");
        Directory.CreateDirectory(folder);
        (Comparison comparison, string pythonJson) = await RunLiveAsync(technique, options, cancellationToken).ConfigureAwait(false);
        Recording.Save(Recording.PathFor(folder, technique), comparison, pythonJson);
        return comparison;
    }

    /// <summary>Checks, in well under a second, whether Python can be started, and says in one line what the comparisons will show.</summary>
    /// <param name="options">The interpreter to try; defaults when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>Whether Python is available, and the line to show the reader.</returns>
    public static async Task<PythonCheck> CheckPythonAsync(SideBySideOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SideBySideOptions();
        string python = options.PythonExecutable;
        try
        {
            (string stdout, _) = await PythonProcess.RunAsync(
                python,
                ["-c", "import platform; print(platform.python_implementation(), platform.python_version())"],
                TimeSpan.FromSeconds(20),
                started: null,
                cancellationToken).ConfigureAwait(false);
            return new PythonCheck(true, python, $"Python: {stdout.Trim()} ('{python}'). Every comparison below runs live: Python first, then C#, on this machine.");
        }
        catch (Exception error) when (error is PythonUnavailableException or PythonRunException)
        {
            string recorded = Recording.PathFor(RecordedFolder(options), Technique.Threads);
            string instead = File.Exists(recorded)
                ? $"every comparison below shows the results recorded on {Recording.Load(recorded, Technique.Threads).Run} (both sides from that one run)."
                : "and no recorded results were found either.";
            string why = error is PythonUnavailableException { InnerException: System.ComponentModel.Win32Exception start }
                ? PythonProcess.Reason(start)
                : error.Message.Split('\n')[0];
            return new PythonCheck(false, python, $"Python is not available ('{python}': {why}); {instead}");
        }
    }

    private static async Task<(Comparison Comparison, string PythonJson)> RunLiveAsync(Technique technique, SideBySideOptions options, CancellationToken cancellationToken)
    {
        Workload workload = options.WorkloadFor(technique);
        var machine = MachineInfo.Current();
        DateTimeOffset at = DateTimeOffset.UtcNow;
        string script = ScriptPath(options);

        // Python first and alone, then C#: the two halves never compete for the cores.
        (string stdout, string stderr) = await PythonProcess.RunAsync(
            options.PythonExecutable, [script, .. workload.ScriptArguments], options.PythonTimeLimit, started: null, cancellationToken).ConfigureAwait(false);
        PythonReport python;
        try
        {
            python = PythonOutput.Parse(stdout, workload);
        }
        catch (InvalidDataException bad)
        {
            throw new PythonRunException($"{bad.Message} {PythonProcess.Tail(stderr)}", bad) { ExitCode = 0, StandardError = stderr };
        }

        SideMeasurement csharp = await CSharpSide.RunAsync(workload, cancellationToken).ConfigureAwait(false);
        var comparison = new Comparison(workload, python.Interpreter, python.Measurement, csharp, ComparisonSource.Live, new RunInfo(at, machine, CSharpOptimized));
        return (comparison, stdout);
    }

    private static string ScriptPath(SideBySideOptions options)
    {
        if (options.ScriptPath is null)
        {
            return RepositoryFiles.Require(RepositoryFiles.Script, nameof(SideBySideOptions.ScriptPath));
        }

        return File.Exists(options.ScriptPath)
            ? Path.GetFullPath(options.ScriptPath)
            : throw new FileNotFoundException($"The Python script {Path.GetFullPath(options.ScriptPath)} (SideBySideOptions.ScriptPath) does not exist.", options.ScriptPath);
    }

    private static string RecordedFolder(SideBySideOptions options) =>
        options.RecordedFolder ?? RepositoryFiles.Find(RepositoryFiles.Recorded) ?? RepositoryFiles.Recorded;
}
