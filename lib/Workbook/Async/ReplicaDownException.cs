namespace Workbook.Async;

/// <summary>What a failing replica throws in the 03.2 check.</summary>
/// <param name="replica">The replica's index.</param>
public sealed class ReplicaDownException(int replica) : Exception($"replica {replica} is down")
{
    /// <summary>The replica's index.</summary>
    public int Replica { get; } = replica;
}
