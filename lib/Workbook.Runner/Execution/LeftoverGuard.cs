using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Workbook.Runner.Execution;

/// <summary>
/// Makes sure nothing a notebook started outlives it. On Linux the runner marks itself a "child
/// subreaper", so a process orphaned by a finished kernel (a worker, a server) is re-parented to the
/// runner instead of to init; after each notebook the runner finds such processes, reports them,
/// kills them and reaps them. Elsewhere it does nothing.
/// </summary>
/// <remarks>Used by the command-line runner only; one instance per process, not thread-safe.</remarks>
public sealed partial class LeftoverGuard
{
    private const int PrSetChildSubreaper = 36;

    private LeftoverGuard(bool active) => IsActive = active;

    /// <summary>True when leftovers can be detected on this platform.</summary>
    public bool IsActive { get; }

    /// <summary>Turns the current process into a subreaper where the OS supports it.</summary>
    public static LeftoverGuard Enable()
    {
        if (!OperatingSystem.IsLinux()) return new LeftoverGuard(false);
        try { return new LeftoverGuard(Prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0); }
        catch (DllNotFoundException) { return new LeftoverGuard(false); }
        catch (EntryPointNotFoundException) { return new LeftoverGuard(false); }
    }

    /// <summary>
    /// Kills and reaps every process re-parented to this one that <paramref name="known"/> does not
    /// name; returns a description of each ("pid 1234: dotnet Workbook.Worker.dll").
    /// </summary>
    public IReadOnlyList<string> CollectLeftovers(IReadOnlySet<int> known)
    {
        if (!IsActive) return [];
        var self = Environment.ProcessId;
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || known.Contains(pid)) continue;
            if (ParentOf(pid) != self) continue;
            var description = $"pid {pid}: {CommandLine(pid)}";
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            // The orphan is now our child: collect its exit status so it does not stay a zombie.
            _ = WaitPid(pid, out _, 0);
            found.Add(description);
        }
        return found;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "?"; }
    }

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);
}
