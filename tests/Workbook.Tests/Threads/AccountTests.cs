using Workbook.Threads;

namespace Workbook.Tests.Threads;

public sealed class AccountTests
{
    [Fact]
    public void Balance_PublicAccountWithoutLock_CanBeChanged()
    {
        var account = new Account(3, 10m) { Balance = 25m };

        Assert.Equal(25m, account.Balance);
        Assert.Equal("Account 3: 25.00", account.ToString());
    }

    [Fact]
    public void Balance_AuditedAccountChangedWithoutLock_Recorded()
    {
        var audit = new TransferAudit();
        var account = new Account(4, 10m, audit) { Balance = 5m };

        Assert.Contains("account 4's Balance was changed", audit.FirstViolation, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_AuditedAccountChangedUnderItsLock_NothingRecorded()
    {
        var audit = new TransferAudit();
        var account = new Account(4, 10m, audit);
        lock (account.Sync)
        {
            account.Balance = 5m;
        }

        Assert.Null(audit.FirstViolation);
    }

    [Fact]
    public void Constructor_NegativeId_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Account(-1, 0m));
}
