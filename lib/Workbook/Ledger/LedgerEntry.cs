using System.Globalization;

namespace Workbook.Ledger;

/// <summary>
/// One server socket or child process the workbook library opened: who opened it, where, and
/// whether its owner has closed it since.
/// </summary>
/// <remarks>Thread-safe: only <see cref="IsClosed"/> changes, once, from false to true.</remarks>
public sealed class LedgerEntry
{
    private volatile bool closed;

    internal LedgerEntry(string id, LedgerKind kind, string owner, string address, int port, int processId, long startTicks, int recordedBy, string? scope)
    {
        Id = id;
        Kind = kind;
        Owner = owner;
        Address = address;
        Port = port;
        ProcessId = processId;
        StartTicks = startTicks;
        RecordedBy = recordedBy;
        Scope = scope;
    }

    /// <summary>A short unique id, used to match the "closed" record to the "opened" one.</summary>
    public string Id { get; }

    /// <summary>A listening socket or a child process.</summary>
    public LedgerKind Kind { get; }

    /// <summary>What opened it, e.g. "DemoServer 'demo'" or "WorkerProcess".</summary>
    public string Owner { get; }

    /// <summary>
    /// For a listener, the local address the operating system reports it bound (e.g. "127.0.0.1"), or the
    /// requested one where the kernel's tables cannot be read; for a process, empty.
    /// </summary>
    public string Address { get; }

    /// <summary>For a listener, its TCP port (for a redis-server process, the port it serves); otherwise 0.</summary>
    public int Port { get; }

    /// <summary>For a process, its id; for a listener, the id of the process that owns the socket.</summary>
    public int ProcessId { get; }

    /// <summary>For a process on Linux, its start time in clock ticks since boot (tells a reused pid apart); otherwise 0.</summary>
    public long StartTicks { get; }

    /// <summary>The id of the process whose library recorded this entry.</summary>
    public int RecordedBy { get; }

    /// <summary>The <see cref="ResourceLedger.BeginScope"/> name active when it was opened, or null.</summary>
    public string? Scope { get; }

    /// <summary>True once its owner has closed it (disposed the server, reaped the process).</summary>
    public bool IsClosed => closed;

    /// <summary>True when a listener's address is a loopback address (127.0.0.0/8 or ::1); true for processes.</summary>
    public bool IsLoopback => Kind != LedgerKind.Listener
        || (System.Net.IPAddress.TryParse(Address, out var ip) && System.Net.IPAddress.IsLoopback(ip));

    /// <summary>E.g. "listener 127.0.0.1:41234 (DemoServer 'demo', closed)" or "process 4242 (WorkerProcess, open)".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Kind == LedgerKind.Listener
        ? string.Create(CultureInfo.InvariantCulture, $"listener {Address}:{Port} ({Owner}, {(IsClosed ? "closed" : "open")})")
        : string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} ({Owner}, {(IsClosed ? "closed" : "open")})");

    internal void MarkClosed() => closed = true;
}
