namespace Workbook.Ledger;

/// <summary>What a <see cref="LedgerEntry"/> records.</summary>
public enum LedgerKind
{
    /// <summary>A listening TCP socket (a server's port).</summary>
    Listener,

    /// <summary>A child process (a worker, a redis-server).</summary>
    Process,
}
