using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workbook.Tests.Processes;

/// <summary>Looks for worker processes left behind by this test process.</summary>
internal static class ChildProcesses
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No such process.
        }
        catch (InvalidOperationException)
        {
            return false; // It exited while we looked.
        }
    }

    /// <summary>
    /// Pids of live processes whose environment says this process started them (Linux only:
    /// read from /proc/*/environ; elsewhere an empty list).
    /// </summary>
    public static IReadOnlyList<int> MarkedAsChildrenOfThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        string marker = "WORKBOOK_PARENT_PID=" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var found = new List<int>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid))
            {
                continue;
            }

            try
            {
                string environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "environ")));
                if (environment.Split('\0').Contains(marker))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we scanned, or is not ours to read.
            }
        }

        return found;
    }
}
