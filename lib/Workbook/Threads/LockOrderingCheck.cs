using System.Globalization;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Threads;

/// <summary>
/// The check of exercise 01.3: transfers in opposite directions must not deadlock, every
/// balance change must happen under that account's lock, and no money may appear or vanish.
/// </summary>
internal static class LockOrderingCheck
{
    private const int ProvokedRounds = 4;
    private const int Accounts = 4;
    private const int TransfersPerThread = 20_000;
    private const decimal Opening = 1_000m;

    public static string Verify(Func<IBank> create, CheckContext context)
    {
        // A stalled phase is reported as a deadlock well before the check's overall limit.
        TimeSpan stallLimit = context.Timeout / 4 < TimeSpan.FromSeconds(4) ? context.Timeout / 4 : TimeSpan.FromSeconds(4);
        IBank bank = create();

        var audit = new TransferAudit();
        var one = new Account(1, 100m, audit);
        var two = new Account(2, 100m, audit);
        bank.Transfer(one, two, 30m);
        RequireNoViolation(context, audit);
        context.Require(
            one.Balance == 70m && two.Balance == 130m,
            $"after Transfer(account 1 → account 2, 30) on one thread the balances are {Money(one.Balance)} and {Money(two.Balance)}; expected 70.00 and 130.00.");

        for (int round = 1; round <= ProvokedRounds; round++)
        {
            audit = new TransferAudit();
            var first = new Account(1, 100m, audit);
            var second = new Account(2, 100m, audit);

            // Both threads are held until each has its first lock: with locks taken in argument
            // order that is a certain deadlock, with ordered locks the second thread simply waits.
            var rendezvous = new HoldAndWaitRendezvous(2, TimeSpan.FromSeconds(1));
            bool finished = context.TryRunThreads(2, slot =>
            {
                LockProbe.Attach(rendezvous, slot, context.CancellationToken);
                try
                {
                    if (slot == 0)
                    {
                        bank.Transfer(first, second, 10m);
                    }
                    else
                    {
                        bank.Transfer(second, first, 7m);
                    }
                }
                finally
                {
                    LockProbe.Detach();
                }
            }, stallLimit);

            context.Require(
                finished,
                $"deadlock: Transfer(account 1 → account 2) and Transfer(account 2 → account 1), started together, did not finish within {Duration(stallLimit)}. "
                    + "Each thread holds one account's lock and waits forever for the other's. Take the two locks in one global order (for example lower Account.Id first).");
            RequireNoViolation(context, audit);
            context.Require(
                first.Balance == 97m && second.Balance == 103m,
                $"after opposite transfers of 10 and 7 the balances are {Money(first.Balance)} and {Money(second.Balance)}; expected 97.00 and 103.00.");
        }

        return ManyTransfers(bank, context, stallLimit);
    }

    private static string ManyTransfers(IBank bank, CheckContext context, TimeSpan stallLimit)
    {
        var audit = new TransferAudit();
        Account[] accounts = [.. Enumerable.Range(1, Accounts).Select(id => new Account(id, Opening, audit))];
        decimal[] expected = [.. accounts.Select(_ => Opening)];
        int threads = context.ThreadCount;
        var plans = new (int From, int To, decimal Amount)[threads][];
        for (int t = 0; t < threads; t++)
        {
            Random random = context.CreateRandom(100 + t);
            plans[t] = new (int, int, decimal)[TransfersPerThread];
            for (int i = 0; i < TransfersPerThread; i++)
            {
                int from = random.Next(Accounts);
                int to = (from + random.Next(1, Accounts)) % Accounts;
                decimal amount = random.Next(1, 51);
                plans[t][i] = (from, to, amount);
                expected[from] -= amount;
                expected[to] += amount;
            }
        }

        bool finished = context.TryRunThreads(threads, t =>
        {
            foreach (var (from, to, amount) in plans[t])
            {
                bank.Transfer(accounts[from], accounts[to], amount);
            }
        }, stallLimit);

        context.Require(
            finished,
            $"deadlock: {threads} threads making random transfers between {Accounts} accounts stopped making progress within {Duration(stallLimit)}. "
                + "Some transfers hold one lock and wait for another in a cycle. Take the two locks in one global order (for example lower Account.Id first).");
        RequireNoViolation(context, audit);

        decimal total = accounts.Sum(a => a.Balance);
        context.Require(
            total == Opening * Accounts,
            $"after {Count((long)threads * TransfersPerThread)} transfers the bank holds {Money(total)} instead of {Money(Opening * Accounts)}: money was created or destroyed by racing updates.");
        for (int i = 0; i < Accounts; i++)
        {
            context.Require(
                accounts[i].Balance == expected[i],
                $"account {accounts[i].Id} holds {Money(accounts[i].Balance)} but should hold {Money(expected[i])}: updates were lost.");
        }

        return $"opposite transfers with both first locks held at once ({ProvokedRounds} rounds), then {Count((long)threads * TransfersPerThread)} random transfers on {threads} threads: "
            + $"no deadlock, every balance changed under its lock, every balance exact, total {Money(Opening * Accounts)} conserved.";
    }

    private static void RequireNoViolation(CheckContext context, TransferAudit audit)
    {
        if (audit.FirstViolation is { } violation)
        {
            context.Fail(violation);
        }
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
