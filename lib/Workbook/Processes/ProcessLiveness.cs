using System.Diagnostics;

namespace Workbook.Processes;

/// <summary>Asks the operating system whether a process is still running, e.g. to prove that a disposed pool left nothing behind.</summary>
/// <remarks>Thread-safe; every call is a fresh look. A process id can be reused by the system once its process has gone,
/// so ask soon after the process should have ended.</remarks>
public static class ProcessLiveness
{
    /// <summary>Whether a process with id <paramref name="processId"/> exists and has not exited.</summary>
    /// <param name="processId">The process id.</param>
    /// <returns><see langword="true"/> while it runs; <see langword="false"/> once it has exited (or never existed).</returns>
    public static bool IsRunning(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No process has that id (any more).
        }
        catch (InvalidOperationException)
        {
            return false; // It exited while we were looking.
        }
    }

    /// <summary>The ids among <paramref name="processIds"/> whose processes are still running.</summary>
    /// <param name="processIds">The ids to look up.</param>
    /// <returns>The running ones, in the given order; empty when all have exited.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="processIds"/> is null.</exception>
    public static IReadOnlyList<int> StillRunning(IEnumerable<int> processIds)
    {
        ArgumentNullException.ThrowIfNull(processIds);
        return [.. processIds.Where(IsRunning)];
    }
}
