using System.Diagnostics;
using System.Text;

namespace Workbook.Bench.Infrastructure;

/// <summary>The outcome of an external command: its exit code and everything it printed.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Throws with the command's stderr when it did not exit with 0.</summary>
    /// <param name="what">The command, for the message.</param>
    /// <returns>This result.</returns>
    public CommandResult EnsureSuccess(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"{what} exited with code {ExitCode}: {Tail(Error.Length > 0 ? Error : Output)}");

    private static string Tail(string text) => text.Length > 600 ? "…" + text[^600..] : text;
}

/// <summary>Runs an external program to completion, capturing its output.</summary>
/// <remarks>
/// Thread-safe. The child is always reaped: when the token is cancelled (or the limit passes) its
/// whole process tree is killed before the call returns with <see cref="OperationCanceledException"/>.
/// </remarks>
internal static class ExternalCommand
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it to exit.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, passed without shell interpretation.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="limit">The longest it may run before it is killed.</param>
    /// <param name="cancellationToken">Kills it early.</param>
    /// <param name="environment">Extra environment variables; optional.</param>
    /// <returns>Exit code and output.</returns>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan limit,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var error = new StringBuilder();
        Task readOut = Pump(process.StandardOutput, output);
        Task readErr = Pump(process.StandardError, error);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Never leave the child running: kill its whole tree, reap it, then report.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} ran longer than {limit.TotalSeconds:0} s and was killed.");
        }

        await Task.WhenAll(readOut, readErr).ConfigureAwait(false);
        return new CommandResult(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>The first line a tool prints for <paramref name="versionArgument"/>, or null if it cannot be run.</summary>
    /// <param name="path">The tool.</param>
    /// <param name="versionArgument">E.g. "--version".</param>
    /// <returns>The version line.</returns>
    public static async Task<string?> VersionAsync(string path, string versionArgument)
    {
        try
        {
            CommandResult result = await RunAsync(path, [versionArgument], Environment.CurrentDirectory, TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            // wrk prints its version and usage and exits with 1; python3 prints to stdout and exits with 0.
            string text = result.Output.Length > 0 ? result.Output : result.Error;
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return null;
        }
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}
