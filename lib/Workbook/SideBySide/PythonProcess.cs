using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workbook.SideBySide;

/// <summary>
/// Runs the Python interpreter as a child process with a time limit, collects stdout and stderr,
/// and makes sure nothing it started outlives the call: on time-out or cancellation the whole
/// process tree is killed and the child is waited for (reaped) before the call returns.
/// </summary>
/// <remarks>Stateless: calls may run concurrently, each with its own child.</remarks>
internal static class PythonProcess
{
    /// <summary>How much of stderr an error message quotes.</summary>
    private const int StderrTailLines = 12;

    /// <summary>How long to wait for a killed child to be gone and its pipes to close.</summary>
    private static readonly TimeSpan s_reapBound = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/> and returns its stdout.</summary>
    /// <param name="executable">The interpreter, a name on the PATH or a path.</param>
    /// <param name="arguments">Its arguments (the script first).</param>
    /// <param name="timeLimit">How long it may run before it is killed.</param>
    /// <param name="started">Told the child's process id once it runs (tests use it to check reaping).</param>
    /// <param name="cancellationToken">Kills the child and throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Everything it wrote to stdout and stderr.</returns>
    /// <exception cref="PythonUnavailableException">The executable could not be started.</exception>
    /// <exception cref="PythonRunException">It ran past <paramref name="timeLimit"/> or exited with a non-zero code.</exception>
    public static async Task<(string Stdout, string Stderr)> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        TimeSpan timeLimit,
        Action<int>? started,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No __pycache__ folders in data/python; children marked as the workbook's, so leftovers can be spotted.
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["WORKBOOK_CHILD"] = "1";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw new PythonUnavailableException(
                $"Python could not be started as '{executable}' ({Reason(error)}). Install Python 3, or point the "
                + $"{SideBySideOptions.PythonVariable} environment variable (or SideBySideOptions.PythonExecutable) at it.",
                error)
            { Executable = executable };
        }

        started?.Invoke(process.Id);

        // The script reads nothing; closing stdin means a stray input() fails at once instead of hanging.
        process.StandardInput.Close();

        // Both pipes are drained at the same time: a child blocked writing a full stderr pipe would never exit.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAndReapAsync(process, stdout, stderr).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PythonRunException(
                string.Create(CultureInfo.InvariantCulture, $"Python ran longer than its limit of {timeLimit.TotalSeconds:0.#} s and was stopped (its whole process tree was killed). ")
                + Tail(await Completed(stderr).ConfigureAwait(false)))
            {
                StandardError = await Completed(stderr).ConfigureAwait(false),
            };
        }

        // Exited: the pipes close too, unless a grandchild still holds them, which the bound covers.
        string output = await Completed(stdout).ConfigureAwait(false);
        string errors = await Completed(stderr).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new PythonRunException(
                string.Create(CultureInfo.InvariantCulture, $"Python exited with code {process.ExitCode}. ") + Tail(errors))
            {
                ExitCode = process.ExitCode,
                StandardError = errors,
            };
        }

        return (output, errors);
    }

    /// <summary>A sentence quoting the last lines of stderr, for error messages.</summary>
    internal static string Tail(string stderr)
    {
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0
            ? "It wrote nothing to stderr."
            : "Its stderr ended with:\n  " + string.Join("\n  ", lines.TakeLast(StderrTailLines));
    }

    /// <summary>The operating system's reason, e.g. "No such file or directory", without .NET's preamble that repeats the path.</summary>
    internal static string Reason(Win32Exception error) =>
        error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1].TrimEnd('.');

    private static async Task KillAndReapAsync(Process process, Task<string> stdout, Task<string> stderr)
    {
        try
        {
            // The tree, not just the interpreter: a multiprocessing pool's workers are its children.
            process.Kill(entireProcessTree: true);
        }
        catch (Exception error) when (error is InvalidOperationException or Win32Exception)
        {
            // It exited on its own in the meantime: nothing left to kill.
        }

        // Waiting for the exit is what reaps the child (no zombie is left behind).
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(s_reapBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A process that survives SIGKILL for ten seconds is beyond our control; do not hang over it.
        }

        await Completed(stdout).ConfigureAwait(false);
        await Completed(stderr).ConfigureAwait(false);
    }

    private static async Task<string> Completed(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(s_reapBound).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return "";
        }
    }
}
