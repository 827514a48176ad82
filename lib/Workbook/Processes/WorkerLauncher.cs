using System.Diagnostics;
using System.Globalization;

namespace Workbook.Processes;

/// <summary>Finds the dotnet host and the worker program, and describes how to start a worker.</summary>
internal static class WorkerLauncher
{
    /// <summary>Set to 1 in every worker's environment, so leftover workers can be spotted.</summary>
    public const string ChildVariable = "WORKBOOK_CHILD";

    /// <summary>Set to the parent's pid in every worker's environment.</summary>
    public const string ParentPidVariable = "WORKBOOK_PARENT_PID";

    /// <summary>Overrides where the worker program is looked for (a folder or the DLL itself).</summary>
    public const string WorkerPathVariable = "WORKBOOK_WORKER_PATH";

    public const string WorkerFileName = "Workbook.Worker.dll";

    /// <summary>A start description for <c>dotnet Workbook.Worker.dll</c> with all three pipes redirected.</summary>
    public static ProcessStartInfo CreateStartInfo()
    {
        var info = new ProcessStartInfo(FindHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        info.ArgumentList.Add(FindWorker());
        info.Environment[ChildVariable] = "1";
        info.Environment[ParentPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return info;
    }

    /// <summary>
    /// The dotnet host: this process's own executable when that is dotnet (tests, most apps),
    /// else the one the SDK advertises, else the one under DOTNET_ROOT, else dotnet on PATH.
    /// </summary>
    public static string FindHost()
    {
        string hostName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileName(self).Equals(hostName, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        string? advertised = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(advertised) && File.Exists(advertised))
        {
            return advertised;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, hostName)))
        {
            return Path.Combine(root, hostName);
        }

        return hostName;
    }

    /// <summary>The worker DLL: next to Workbook.dll (where the build copies it) or an explicit override.</summary>
    /// <exception cref="FileNotFoundException">No candidate exists; the message lists where it looked.</exception>
    public static string FindWorker()
    {
        var candidates = new List<string>();
        string? overridden = Environment.GetEnvironmentVariable(WorkerPathVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            candidates.Add(overridden.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? overridden
                : Path.Combine(overridden, WorkerFileName));
        }

        string libraryFolder = Path.GetDirectoryName(typeof(WorkerLauncher).Assembly.Location) ?? "";
        if (libraryFolder.Length > 0)
        {
            candidates.Add(Path.Combine(libraryFolder, WorkerFileName));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, WorkerFileName));
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new FileNotFoundException(
            $"The worker program {WorkerFileName} was not found. Looked in: {string.Join(", ", candidates)}. " +
            "Build the workbook first (dotnet build Workbook.sln) or set " + WorkerPathVariable + ".",
            WorkerFileName);
    }
}
