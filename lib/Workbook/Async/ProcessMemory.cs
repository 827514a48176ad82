using System.Diagnostics;

namespace Workbook.Async;

/// <summary>A snapshot of this process's memory and thread count, for before/after deltas.</summary>
/// <param name="AllocatedBytes">Managed bytes allocated since the process started (<c>GC.GetTotalAllocatedBytes(precise: true)</c>).</param>
/// <param name="HeapBytes">Bytes currently thought to be in the managed heap (<c>GC.GetTotalMemory(false)</c>).</param>
/// <param name="WorkingSetBytes">Physical memory the process uses.</param>
/// <param name="VirtualBytes">Address space the process has reserved.</param>
/// <param name="Threads">OS threads in the process.</param>
internal readonly record struct ProcessMemory(long AllocatedBytes, long HeapBytes, long WorkingSetBytes, long VirtualBytes, int Threads)
{
    /// <summary>Takes a snapshot now; with <paramref name="collectFirst"/>, after a full blocking collection so garbage does not count.</summary>
    public static ProcessMemory Take(bool collectFirst = false)
    {
        if (collectFirst)
        {
            // Twice, with finalizers in between: objects freed by finalizers go in the second pass.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using Process self = Process.GetCurrentProcess();
        return new ProcessMemory(
            GC.GetTotalAllocatedBytes(precise: true),
            GC.GetTotalMemory(forceFullCollection: false),
            self.WorkingSet64,
            self.VirtualMemorySize64,
            ThreadCount(self));
    }

    /// <summary>OS threads in the process: one line of /proc on Linux (cheap even with thousands of threads), else the Process API.</summary>
    private static int ThreadCount(Process self)
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (string line in File.ReadLines(Status))
            {
                if (line.StartsWith("Threads:", StringComparison.Ordinal)
                    && int.TryParse(line.AsSpan("Threads:".Length).Trim(), out int threads))
                {
                    return threads;
                }
            }
        }

        return self.Threads.Count;
    }
}
