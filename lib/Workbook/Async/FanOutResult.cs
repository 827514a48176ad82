using System.Globalization;

namespace Workbook.Async;

/// <summary>
/// What keeping <see cref="Operations"/> waits pending at once cost, measured by <see cref="FanOut"/>:
/// how long the whole fan-out took compared with one wait, and how much memory each pending wait held.
/// </summary>
/// <param name="Kind">Tasks (await) or OS threads (blocking).</param>
/// <param name="Operations">How many waits ran concurrently.</param>
/// <param name="Wait">How long each single wait lasts.</param>
/// <param name="Setup">Time to create every operation (for threads: and have every thread running and parked at the start line).</param>
/// <param name="Elapsed">From the first operation created to the last one finished.</param>
/// <param name="PendingAtSample">How many waits were still pending when memory was sampled (normally all of them).</param>
/// <param name="AllocatedBytes">Managed bytes allocated while the operations were created and armed (<c>GC.GetTotalAllocatedBytes</c> delta).</param>
/// <param name="HeapBytes">Growth of the managed heap at the sample (<c>GC.GetTotalMemory</c> delta): what the pending operations keep alive.</param>
/// <param name="WorkingSetBytes">Growth of the process working set (physical memory in use) at the sample; includes thread stacks.</param>
/// <param name="VirtualBytes">Growth of the process's reserved address space at the sample; thread stacks reserve a lot of it.</param>
/// <param name="ProcessThreads">OS threads in the whole process at the sample.</param>
public sealed record FanOutResult(
    FanOutKind Kind,
    int Operations,
    TimeSpan Wait,
    TimeSpan Setup,
    TimeSpan Elapsed,
    int PendingAtSample,
    long AllocatedBytes,
    long HeapBytes,
    long WorkingSetBytes,
    long VirtualBytes,
    int ProcessThreads)
{
    /// <summary>Elapsed divided by one wait: 1.0 would be perfect overlap, N would be one after another.</summary>
    public double RelativeToOneWait => Elapsed / Wait;

    /// <summary>Managed bytes allocated per operation.</summary>
    public double AllocatedBytesPerOperation => (double)AllocatedBytes / Operations;

    /// <summary>Managed-heap growth per pending operation.</summary>
    public double HeapBytesPerPending => PerPending(HeapBytes);

    /// <summary>Working-set (physical memory) growth per pending operation; never below zero.</summary>
    public double WorkingSetBytesPerPending => Math.Max(0, PerPending(WorkingSetBytes));

    /// <summary>Reserved address space per pending operation; never below zero.</summary>
    public double VirtualBytesPerPending => Math.Max(0, PerPending(VirtualBytes));

    /// <summary>
    /// The memory one pending wait costs: for tasks the managed bytes allocated per operation (the
    /// state machine, its task and the timer; exact, unlike heap or working-set deltas); for threads
    /// the working-set growth per pending thread (stack pages and runtime structures in physical memory).
    /// </summary>
    public double BytesPerPending => Kind == FanOutKind.Tasks ? AllocatedBytesPerOperation : WorkingSetBytesPerPending;

    private double PerPending(long bytes) => PendingAtSample == 0 ? 0 : (double)bytes / PendingAtSample;

    /// <summary>E.g. <c>Tasks: 100,000 waits of 100 ms in 231 ms (2.3× one wait, setup 40 ms), 312 B allocated and 280 B working set per wait (100,000 pending at the sample), 14 threads in the process</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}: {Operations:N0} waits of {Wait.TotalMilliseconds:N0} ms in {Elapsed.TotalMilliseconds:N0} ms ({RelativeToOneWait:0.0}× one wait, setup {Setup.TotalMilliseconds:N0} ms), "
            + $"{Bytes(AllocatedBytesPerOperation)} allocated and {Bytes(WorkingSetBytesPerPending)} working set per wait ({PendingAtSample:N0} pending at the sample), {ProcessThreads:N0} threads in the process");

    /// <summary>Formats a byte count with a fitting unit: "312 B", "18.4 KB", "7.9 MB".</summary>
    /// <param name="bytes">The number of bytes.</param>
    /// <returns>The number and its unit.</returns>
    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B"),
    };
}
