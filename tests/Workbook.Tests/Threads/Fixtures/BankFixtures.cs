using Workbook.Threads;

namespace Workbook.Tests.Threads.Fixtures;

// Exercise 01.3 as the notebook's stub cell shows it.
// TODO: take both accounts' locks in an order that cannot deadlock, then move the money.
public sealed class OrderedLockBankStub : IBank
{
    // This version deadlocks when two threads transfer in opposite directions:
    //     lock (from.Sync) { lock (to.Sync) { from.Balance -= amount; to.Balance += amount; } }
    public void Transfer(Account from, Account to, decimal amount) => throw new NotImplementedException();
}

// Wrong answer: locks in argument order; opposite transfers deadlock.
public sealed class ArgumentOrderBank : IBank
{
    public void Transfer(Account from, Account to, decimal amount)
    {
        lock (from.Sync)
        {
            lock (to.Sync)
            {
                from.Balance -= amount;
                to.Balance += amount;
            }
        }
    }
}

// Wrong answer: no locks at all; concurrent updates overwrite each other.
public sealed class UnlockedBank : IBank
{
    public void Transfer(Account from, Account to, decimal amount)
    {
        from.Balance -= amount;
        to.Balance += amount;
    }
}

// Wrong answer: "fixes" the deadlock by locking only the paying account; the receiver races.
public sealed class FromOnlyLockBank : IBank
{
    public void Transfer(Account from, Account to, decimal amount)
    {
        lock (from.Sync)
        {
            from.Balance -= amount;
            to.Balance += amount;
        }
    }
}

// Wrong answer: locks the Account objects themselves instead of their Sync objects.
public sealed class LocksAccountObjectBank : IBank
{
    public void Transfer(Account from, Account to, decimal amount)
    {
        var (first, second) = from.Id < to.Id ? (from, to) : (to, from);
        lock (first)
        {
            lock (second)
            {
                from.Balance -= amount;
                to.Balance += amount;
            }
        }
    }
}
