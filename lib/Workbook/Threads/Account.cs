using System.Globalization;

namespace Workbook.Threads;

/// <summary>A bank account with an id, a balance and the lock that guards it (exercise 01.3).</summary>
/// <remarks>
/// Not thread-safe by itself: hold <c>lock (account.Sync)</c> while reading-then-writing
/// <see cref="Balance"/>. When the exercise check creates accounts, it watches that rule: a
/// balance changed without holding that account's <see cref="Sync"/> lock fails the check.
/// </remarks>
public sealed class Account
{
    private readonly object _sync = new();
    private readonly TransferAudit? _audit;
    private decimal _balance;

    /// <summary>Opens an account.</summary>
    /// <param name="id">A non-negative id; locks are ordered by it.</param>
    /// <param name="openingBalance">The starting balance.</param>
    /// <exception cref="ArgumentOutOfRangeException">The id is negative.</exception>
    public Account(int id, decimal openingBalance)
        : this(id, openingBalance, audit: null)
    {
    }

    internal Account(int id, decimal openingBalance, TransferAudit? audit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        Id = id;
        _balance = openingBalance;
        _audit = audit;
    }

    /// <summary>The account's id: a stable value both threads agree on, good for ordering locks.</summary>
    public int Id { get; }

    /// <summary>The object to lock (<c>lock (account.Sync) { ... }</c>) while using <see cref="Balance"/>.</summary>
    public object Sync
    {
        get
        {
            // The exercise check may pause here to make an unordered lock pair deadlock reliably.
            LockProbe.OnSyncAccess();
            return _sync;
        }
    }

    /// <summary>The current balance; change it only while holding <see cref="Sync"/>.</summary>
    public decimal Balance
    {
        get => _balance;
        set
        {
            _audit?.CheckLockHeld(this, _sync);
            _balance = value;
        }
    }

    /// <summary>E.g. <c>Account 1: 100.00</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Account {Id}: {_balance:N2}");
}
