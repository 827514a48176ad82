// Exercise 01.3: Fix a deadlock with lock ordering
using Workbook.Threads;

// Reference solution: both threads lock the lower account id first, so no cycle of waits can form.
public sealed class OrderedLockBank : IBank
{
    public void Transfer(Account from, Account to, decimal amount)
    {
        var (first, second) = from.Id < to.Id ? (from, to) : (to, from);
        lock (first.Sync)
        {
            lock (second.Sync)
            {
                from.Balance -= amount;
                to.Balance += amount;
            }
        }
    }
}
