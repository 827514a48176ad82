using Workbook.Exercises;
using Workbook.Tests.Exercises;
using Workbook.Tests.Networking.Fixtures;

namespace Workbook.Tests.Networking;

public sealed class ClientSourceExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("05.2", () => new PooledClientSourceStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("05.2", () => new PooledClientSource());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("went through 1 client", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NewClientPerRequest_FailedCountingConnections()
    {
        CheckResult result = _harness.Check("05.2", () => new ClientPerRequestSource());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("Client returned 60 different HttpClient objects for 60 requests, and the server accepted 60 connections", result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"05.2\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NewHandlerPerRequest_FailedCountingConnections()
    {
        CheckResult result = _harness.Check("05.2", () => new HandlerPerRequestSource());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("the server accepted 60 connections", result.Message, StringComparison.Ordinal);
        Assert.Contains("new handler with an empty connection pool", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SharedWithoutCap_FailedAskingForMaxConnectionsPerServer()
    {
        CheckResult result = _harness.Check("05.2", () => new UncappedSharedSource());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains("one shared client, good", result.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConnectionsPerServer = 4", result.Message, StringComparison.Ordinal);
    }
}
