namespace Workbook.Threads;

/// <summary>Moves money between accounts; many transfers run at once (exercise 01.3).</summary>
/// <remarks>
/// A correct implementation holds both accounts' <see cref="Account.Sync"/> locks while it
/// changes their balances, and takes the two locks in one global order (for example lower
/// <see cref="Account.Id"/> first) so that opposite transfers cannot deadlock.
/// </remarks>
public interface IBank
{
    /// <summary>Moves <paramref name="amount"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The account that pays; never the same account as <paramref name="to"/>.</param>
    /// <param name="to">The account that receives.</param>
    /// <param name="amount">A positive amount (overdrafts are allowed in this exercise).</param>
    void Transfer(Account from, Account to, decimal amount);
}
