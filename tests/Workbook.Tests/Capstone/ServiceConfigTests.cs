using Workbook.Capstone;

namespace Workbook.Tests.Capstone;

public sealed class ServiceConfigTests
{
    [Fact]
    public void Staircase_FiveSteps_NaiveFirstEachAddingOneThing()
    {
        IReadOnlyList<ServiceConfig> steps = ServiceConfig.Staircase;

        Assert.Equal(["naive", "+ worker processes", "+ bounded queue", "+ cache", "+ 3 instances"], steps.Select(s => s.Name));
        Assert.False(steps[0].WorkerProcesses || steps[0].Cache || steps[0].QueueCapacity is not null || steps[0].Instances > 1);
        Assert.True(steps[1].WorkerProcesses && steps[1].QueueCapacity is null);
        Assert.Equal(32, steps[2].QueueCapacity);
        Assert.True(steps[3].Cache && steps[3].Instances == 1);
        Assert.Equal(3, steps[4].Instances);
        Assert.Same(ServiceConfig.Final, steps[^1]);
    }

    [Fact]
    public void ToString_Final_NamesEveryPart()
    {
        string text = ServiceConfig.Final.ToString();

        Assert.Contains("1 worker process", text, StringComparison.Ordinal);
        Assert.Contains("queue of 32", text, StringComparison.Ordinal);
        Assert.Contains("single-flight cache (shared)", text, StringComparison.Ordinal);
        Assert.Contains("3 instances (power-of-two)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QueueWithoutWorkers_ThrowsSayingSo()
    {
        var error = Assert.Throws<ArgumentException>(() => (ServiceConfig.Naive with { QueueCapacity = 4 }).Validate());

        Assert.Contains("WorkerProcesses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownBalancer_ThrowsListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => (ServiceConfig.Final with { Balancer = "fastest" }).Validate());

        Assert.Contains("least-connections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeNumbers_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (ServiceConfig.Naive with { Workers = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (ServiceConfig.Naive with { Instances = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (ServiceConfig.Naive with { Deadline = TimeSpan.Zero }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (ServiceConfig.WithQueue with { QueueCapacity = 0 }).Validate());
    }

    [Fact]
    public void Validate_SharedCacheWithoutCache_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => (ServiceConfig.WithQueue with { SharedCache = true }).Validate());

        Assert.Equal("SharedCache", error.ParamName);
    }

    [Fact]
    public void Parts_ToString_SaysWhichAreYours()
    {
        Assert.Equal("library parts", new ServiceParts().ToString());
        Assert.Equal("your cache, your router", new ServiceParts { Cache = () => null!, Router = () => null! }.ToString());
    }
}
