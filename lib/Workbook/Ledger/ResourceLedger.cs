using System.Net;

namespace Workbook.Ledger;

/// <summary>
/// A process-wide record of every listening socket and child process the workbook library opens
/// (<see cref="Networking.DemoServer"/>, <see cref="Networking.LineServer"/>, <see cref="Queues.RedisServer"/>,
/// <see cref="Processes.WorkerProcess"/> and everything built on them), so that "nothing is left
/// behind" can be checked: <c>Console.WriteLine(ResourceLedger.Leftovers());</c>.
/// </summary>
/// <remarks>
/// <para>Thread-safe. Entries are only ever added and marked closed; the list grows for the life of the
/// process (a few hundred bytes per server or worker started).</para>
/// <para>When the environment variable <see cref="FileVariable"/> names a file, every record is also
/// appended to it, so that another process (the notebook runner) can check what a kernel left behind,
/// even after that kernel has died.</para>
/// </remarks>
public static class ResourceLedger
{
    /// <summary>The environment variable naming the file the ledger also appends to: <c>WORKBOOK_RESOURCE_LEDGER</c>.</summary>
    public const string FileVariable = "WORKBOOK_RESOURCE_LEDGER";

    private static readonly Lock Gate = new();
    private static readonly List<LedgerEntry> All = [];
    private static readonly AsyncLocal<string?> CurrentScope = new();

    /// <summary>Every entry recorded in this process so far, oldest first.</summary>
    public static IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (Gate)
            {
                return [.. All];
            }
        }
    }

    /// <summary>
    /// Tags everything opened from here on in this async flow (and the tasks it starts) with
    /// <paramref name="name"/>, until the returned scope is disposed; see <see cref="Leftovers(string?)"/>.
    /// </summary>
    /// <param name="name">A non-blank label, e.g. a test's name.</param>
    /// <returns>Dispose it to restore the previous scope.</returns>
    public static IDisposable BeginScope(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var previous = CurrentScope.Value;
        CurrentScope.Value = name;
        return new ScopeRestorer(previous);
    }

    /// <summary>What this process's library opened and has left listening or running, checked against the OS now.</summary>
    /// <param name="scope">Only entries opened inside this <see cref="BeginScope"/>; null for all.</param>
    /// <returns>The leftovers (none when clean).</returns>
    public static LeftoverReport Leftovers(string? scope = null) =>
        Check(Entries.Where(e => scope is null || e.Scope == scope));

    /// <summary>Checks <paramref name="entries"/> against the operating system: unclosed ports still listening, unclosed processes still running.</summary>
    /// <param name="entries">Entries from <see cref="Entries"/> or <see cref="ReadFile"/>.</param>
    /// <returns>The leftovers (none when clean).</returns>
    public static LeftoverReport Check(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var listening = ProcFs.IsSupported ? ProcFs.Listeners().Select(l => l.Port).ToHashSet() : null;
        return new LeftoverReport(
            list.Count,
            [.. list.Where(e => e.Kind == LedgerKind.Listener && !e.IsClosed && (listening?.Contains(e.Port) ?? true))],
            [.. list.Where(e => e.Kind == LedgerKind.Process && !e.IsClosed && ProcFs.IsRunning(e.ProcessId, e.StartTicks))],
            [.. list.Where(e => !e.IsLoopback)]);
    }

    /// <summary>Reads a ledger file written because <see cref="FileVariable"/> named it (by this or another process).</summary>
    /// <param name="path">The file; a missing file reads as no entries.</param>
    /// <returns>The entries, with the ones whose close was recorded marked closed.</returns>
    /// <exception cref="InvalidDataException">A line is not a ledger record.</exception>
    public static IReadOnlyList<LedgerEntry> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return LedgerFile.Read(path);
    }

    /// <summary>
    /// Records a listening socket held by <paramref name="processId"/> (this process by default);
    /// <paramref name="requested"/> is used as its address where the kernel's tables cannot be read.
    /// </summary>
    internal static LedgerEntry Listener(string owner, IPAddress requested, int port, int? processId = null)
    {
        // Record what the kernel really bound, not what was asked for: that is what "loopback only" must hold for.
        var bound = ProcFs.ListeningAddresses(port);
        var address = bound.Count switch
        {
            0 => requested.ToString(),
            1 => bound[0].ToString(),
            _ => bound.FirstOrDefault(a => !IPAddress.IsLoopback(a))?.ToString() ?? bound[0].ToString(),
        };
        return Add(LedgerKind.Listener, owner, address, port, processId ?? Environment.ProcessId, 0);
    }

    /// <summary>Records a child process (and, for a server process, the port it serves).</summary>
    internal static LedgerEntry Process(string owner, int processId, int port = 0) =>
        Add(LedgerKind.Process, owner, string.Empty, port, processId, ProcFs.StartTicks(processId));

    /// <summary>Marks an entry closed (its owner disposed the server or reaped the process); null and repeats are ignored.</summary>
    internal static void Closed(LedgerEntry? entry)
    {
        if (entry is null || entry.IsClosed)
        {
            return;
        }

        entry.MarkClosed();
        if (FilePath() is { } path)
        {
            LedgerFile.AppendClosed(path, entry);
        }
    }

    private static LedgerEntry Add(LedgerKind kind, string owner, string address, int port, int processId, long startTicks)
    {
        // Random ids: a second copy of the library loaded into the same process writes to the same file.
        var id = Guid.NewGuid().ToString("N")[..16];
        var entry = new LedgerEntry(id, kind, owner, address, port, processId, startTicks, Environment.ProcessId, CurrentScope.Value);
        lock (Gate)
        {
            All.Add(entry);
        }

        if (FilePath() is { } path)
        {
            LedgerFile.AppendOpened(path, entry);
        }

        return entry;
    }

    private static string? FilePath() =>
        Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path ? path : null;

    private sealed class ScopeRestorer(string? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
