using System.Diagnostics;
using System.Text;
using Workbook.Runner.Execution;
using Workbook.Tests.Support;

namespace Workbook.Tests.Twins;

/// <summary>What one <c>dotnet run twins/NN-name.cs</c> did.</summary>
public sealed record TwinRun(int ExitCode, string Output, TimeSpan Elapsed, IReadOnlyList<string> Leftovers);

/// <summary>
/// Runs a twin the way a learner does (<c>dotnet run FILE.cs -- ARGS</c> from the repository root),
/// bounded by a timeout, and makes sure nothing it started outlives it.
/// </summary>
public static class TwinProcess
{
    /// <summary>Runs <paramref name="twinFile"/> with its own progress file; kills the whole tree on timeout.</summary>
    public static async Task<TwinRun> RunAsync(string twinFile, IEnumerable<string> args, string progressFile, TimeSpan timeout)
    {
        var marker = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo(RunnerHost.DotnetHost())
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(twinFile);
        info.ArgumentList.Add("--");
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["WORKBOOK_PROGRESS"] = progressFile;
        info.Environment["WORKBOOK_TWIN_RUN"] = marker;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // No build servers: an MSBuild node or compiler server would outlive the run (by design).
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        int exitCode;
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            // The parameterless wait also drains the redirected output.
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        catch (TimeoutException)
        {
            exitCode = -1;
            lock (output) output.Append($"(killed after {timeout.TotalMinutes:0} minutes)\n");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var leftovers = KillMarked(marker);
        lock (output) return new TwinRun(exitCode, output.ToString(), clock.Elapsed, leftovers);
    }

    // Every process started under the run carries its marker in its environment (Linux: /proc/PID/environ).
    private static List<string> KillMarked(string marker)
    {
        var found = new List<string>();
        if (!OperatingSystem.IsLinux()) return found;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "environ")).Contains("WORKBOOK_TWIN_RUN=" + marker, StringComparison.Ordinal)) continue;
                found.Add($"pid {pid}: {File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim()}");
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill(entireProcessTree: true);
                leftover.WaitForExit(10_000);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already, or not ours to read.
            }
        }

        return found;
    }
}
