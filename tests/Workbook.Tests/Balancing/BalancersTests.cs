using Workbook.Balancing;

namespace Workbook.Tests.Balancing;

public sealed class BalancersTests
{
    [Fact]
    public void Create_EveryCatalogueName_BuildsPolicyWithThatName()
    {
        foreach (var info in Balancers.All)
        {
            var balancer = Balancers.Create(info.Name, Backend.Range(3), seed: 1);
            Assert.Equal(info.Name, balancer.Name);
            using var lease = balancer.Pick();
            Assert.InRange(lease.Index, 0, 2);
        }
    }

    [Fact]
    public void Create_MixedCaseName_Accepted()
    {
        Assert.IsType<PowerOfTwoChoices>(Balancers.Create(" Power-Of-Two ", Backend.Range(2)));
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Balancers.Create("fastest", Backend.Range(2)));
        Assert.Contains("'fastest'", error.Message);
        Assert.All(Balancers.Names, name => Assert.Contains(name, error.Message));
    }

    [Fact]
    public void Names_AreUnique()
    {
        Assert.Equal(Balancers.Names.Count, Balancers.Names.Distinct().Count());
    }
}
