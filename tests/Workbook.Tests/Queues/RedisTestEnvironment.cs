using Workbook.Queues;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Workbook.Tests.Queues;

/// <summary>
/// Redis tests run wherever redis-server is installed. On a developer machine without it they are
/// skipped with the install hint, so the README's test command passes with only the .NET SDK; under
/// CI (CI=true, where .ci/run installs redis-server) a missing server fails them instead, so the
/// broker tests can never be skipped silently there.
/// </summary>
internal static class RedisTestEnvironment
{
    /// <summary>Null when Redis tests must run; otherwise why they are skipped.</summary>
    public static string? SkipReason =>
        !RedisServer.IsAvailable && Environment.GetEnvironmentVariable("CI") != "true"
            ? $"{RedisServer.InstallHint} (skipped outside CI; with CI=true these tests fail instead)"
            : null;
}

/// <summary>A fact that needs a real redis-server.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Marks a test class whose <see cref="QueueFactAttribute"/> tests need a real redis-server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRedisAttribute : Attribute;

/// <summary>
/// A fact declared once in an abstract contract class; it is skipped (only when allowed) for the
/// subclasses marked <see cref="RequiresRedisAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("Workbook.Tests.Queues.QueueFactDiscoverer", "Workbook.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueueFactAttribute : FactAttribute;

public sealed class QueueFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsRedis = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresRedisAttribute)).Any();
        if (needsRedis && RedisTestEnvironment.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}

/// <summary>One private redis-server per test class, started on first use and stopped at the end.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly Lazy<Task<RedisServer>> server = new(() => RedisServer.StartAsync());

    /// <summary>The running server; throws the install hint when redis-server is missing.</summary>
    public Task<RedisServer> GetAsync() => server.Value.WaitAsync(Bounded.Limit);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (server.IsValueCreated && server.Value.IsCompletedSuccessfully)
        {
            await server.Value.Result.DisposeAsync().AsTask().WaitAsync(Bounded.Limit);
        }
    }
}
