using System.Diagnostics;

namespace Workbook.Runner.Execution;

/// <summary>
/// Knows how to start the runner itself as a child process (one kernel process per notebook), whether
/// it was launched through its apphost, through <c>dotnet Workbook.Runner.dll</c>, or from a test host.
/// </summary>
public static class RunnerHost
{
    /// <summary>Environment variable set on every process the workbook starts, so leftovers can be found.</summary>
    public const string ChildMarker = "WORKBOOK_CHILD";

    /// <summary>Environment variable naming the process that started a workbook child.</summary>
    public const string ParentMarker = "WORKBOOK_PARENT_PID";

    /// <summary>The runner's own DLL, in a folder that also has its runtimeconfig (so it can be executed).</summary>
    public static string RunnerDll()
    {
        var own = typeof(RunnerHost).Assembly.Location;
        var dir = Path.GetDirectoryName(own)!;
        if (File.Exists(Path.Combine(dir, "Workbook.Runner.runtimeconfig.json"))) return own;
        // Loaded by another program (the tests): use the runner's own build output instead.
        var root = RepositoryRoot(dir) ?? throw new InvalidOperationException($"Cannot find the workbook repository above {dir} to locate the runner build.");
        var candidate = Path.Combine(root, "artifacts", "bin", "Workbook.Runner", "debug", "Workbook.Runner.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException($"The runner is not built: expected {candidate}. Run: dotnet build lib/Workbook.Runner", candidate);
    }

    /// <summary>The folder holding Workbook.sln above <paramref name="start"/>, or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>A start-info that runs the runner with <paramref name="arguments"/> through the dotnet host.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(RunnerDll());
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment[ChildMarker] = "1";
        info.Environment[ParentMarker] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A child's own build of notebooks must not show progress bars or telemetry banners.
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    /// <summary>The dotnet executable that is running this process (the same search the process pool uses).</summary>
    public static string DotnetHost() => Workbook.Processes.WorkerLauncher.FindHost();
}
