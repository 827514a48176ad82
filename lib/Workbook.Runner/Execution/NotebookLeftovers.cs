using System.Globalization;
using Workbook.Ledger;

namespace Workbook.Runner.Execution;

/// <summary>A server socket or child process the workbook library opened during a notebook, as the outcome reports it.</summary>
/// <param name="Kind">"Listener" or "Process".</param>
/// <param name="Owner">What opened it, e.g. "DemoServer 'demo'".</param>
/// <param name="Address">A listener's bound address as the OS reported it (e.g. 127.0.0.1); empty for a process.</param>
/// <param name="Port">A listener's port (or the port a server process serves); otherwise 0.</param>
/// <param name="ProcessId">The process, or the process holding the listener.</param>
/// <param name="Closed">Whether its owner closed it before the notebook ended.</param>
public sealed record OpenedResource(string Kind, string Owner, string Address, int Port, int ProcessId, bool Closed)
{
    internal static OpenedResource From(LedgerEntry e) => new(e.Kind.ToString(), e.Owner, e.Address, e.Port, e.ProcessId, e.IsClosed);
}

/// <summary>
/// The end-of-notebook check, run in the kernel's own process after the last cell: in VS Code the kernel
/// lives on after a notebook, so a server still listening or a process still running at this point
/// would outlive the notebook. Leftovers are found three ways: the library's <see cref="ResourceLedger"/>
/// (servers and workers it opened and never closed), listening sockets held by this process or its
/// descendants (whoever opened them), and descendant processes still alive. Leftover processes are then
/// killed, so they do not outlive the run either.
/// </summary>
/// <remarks>Linux gives the full picture (/proc); elsewhere only the ledger's own record is checked.</remarks>
internal static class NotebookLeftovers
{
    /// <summary>How long disposals started by the last cells may take to finish before what remains counts as left behind.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>Makes sure the library in this process records into a ledger file, and returns its path.</summary>
    public static string EnsureLedgerFile(string fallback)
    {
        if (Environment.GetEnvironmentVariable(ResourceLedger.FileVariable) is { Length: > 0 } path) return path;
        Environment.SetEnvironmentVariable(ResourceLedger.FileVariable, fallback);
        return fallback;
    }

    /// <summary>Waits (bounded) for the notebook's servers and processes to be gone; returns what was opened and, if something remained, the error.</summary>
    public static async Task<(IReadOnlyList<OpenedResource> Opened, string? Error)> CheckAsync(string ledgerPath)
    {
        var self = Environment.ProcessId;
        var deadline = DateTime.UtcNow + Grace;
        while (true)
        {
            var entries = ResourceLedger.ReadFile(ledgerPath);
            var report = ResourceLedger.Check(entries);
            var descendants = ProcFs.Descendants(self);
            var inodes = new HashSet<long>(ProcFs.SocketInodes(self));
            foreach (var pid in descendants) inodes.UnionWith(ProcFs.SocketInodes(pid));
            var ownListeners = ProcFs.Listeners().Where(l => inodes.Contains(l.Inode)).ToList();
            var clean = report.Listening.Count == 0 && report.Running.Count == 0 && ownListeners.Count == 0 && descendants.Count == 0;
            if (clean || DateTime.UtcNow >= deadline)
            {
                var opened = entries.Select(OpenedResource.From).ToList();
                var problems = new List<string>();
                problems.AddRange(report.NotLoopback.Select(e => $"a server was not bound to loopback: {e}"));
                if (!clean)
                {
                    problems.AddRange(report.Listening.Select(e => $"still listening: {e}"));
                    problems.AddRange(ownListeners.Where(l => report.Listening.All(e => e.Port != l.Port)).Select(l => $"still listening: {l} (a socket the notebook opened)"));
                    problems.AddRange(report.Running.Select(e => $"still running: {e} {ProcFs.CommandLine(e.ProcessId)}"));
                    problems.AddRange(descendants.Where(p => report.Running.All(e => e.ProcessId != p))
                        .Select(p => string.Create(CultureInfo.InvariantCulture, $"still running: process {p} {ProcFs.CommandLine(p)}")));
                    KillAll(report.Running.Select(e => e.ProcessId).Concat(descendants));
                }
                var killed = !clean && report.Running.Count + descendants.Count > 0 ? " Leftover processes were killed." : "";
                return (opened, problems.Count == 0 ? null
                    : $"after its last cell the notebook still had open what it should have disposed (in VS Code they would outlive it; dispose them, e.g. with await using): {string.Join("; ", problems)}.{killed}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// After the kernel process has exited: kills any process the ledger says the notebook started and
    /// that is still running (a redis-server, a worker), and reports it with any port still listening.
    /// </summary>
    public static string? AfterExit(string ledgerPath)
    {
        IReadOnlyList<LedgerEntry> entries;
        try { entries = ResourceLedger.ReadFile(ledgerPath); }
        catch (InvalidDataException e) { return $"the resource ledger could not be read: {e.Message}"; }
        var report = ResourceLedger.Check(entries);
        if (report.Running.Count == 0 && report.Listening.Count == 0) return null;
        var message = $"the notebook's kernel exited leaving {report}; they were stopped.";
        KillAll(report.Running.Select(e => e.ProcessId));
        return message;
    }

    private static void KillAll(IEnumerable<int> pids)
    {
        foreach (var pid in pids.Distinct())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
        }
    }
}
