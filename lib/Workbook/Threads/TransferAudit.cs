namespace Workbook.Threads;

/// <summary>Remembers the first balance change made without holding the account's lock.</summary>
/// <remarks>Thread-safe: many transfer threads report into one audit.</remarks>
internal sealed class TransferAudit
{
    private string? _firstViolation;

    /// <summary>The first violation found, or null.</summary>
    public string? FirstViolation => Volatile.Read(ref _firstViolation);

    /// <summary>Records a violation unless the calling thread holds <paramref name="sync"/>.</summary>
    public void CheckLockHeld(Account account, object sync)
    {
        if (Monitor.IsEntered(sync))
        {
            return;
        }

        // Recorded, not thrown: an exception inside the learner's lock block would be confusing,
        // and the check reports it precisely afterwards.
        Interlocked.CompareExchange(
            ref _firstViolation,
            $"account {account.Id}'s Balance was changed by a thread that was not holding account {account.Id}'s lock. "
                + "Hold lock (account.Sync) for BOTH accounts (not lock (account) itself) while you change their balances; "
                + "otherwise two transfers can overwrite each other's update.",
            null);
    }
}
