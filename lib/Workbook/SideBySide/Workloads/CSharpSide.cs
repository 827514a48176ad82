namespace Workbook.SideBySide;

/// <summary>Runs the C# half of a workload and returns its measurement.</summary>
/// <remarks>Stateless. CPU-bound halves run on a pool thread so an awaiting caller is never blocked.</remarks>
internal static class CSharpSide
{
    public static Task<SideMeasurement> RunAsync(Workload workload, CancellationToken cancellationToken) => workload.Technique switch
    {
        Technique.Threads => Task.Run(() => ThreadsWorkload.Run(workload, cancellationToken), cancellationToken),
        Technique.Processes => ProcessesWorkload.RunAsync(workload, cancellationToken),
        Technique.Async => AsyncWorkload.RunAsync(workload, cancellationToken),
        Technique.Generators => Task.Run(() => GeneratorsWorkload.Run(workload, cancellationToken), cancellationToken),
        Technique.Networking => NetworkingWorkload.RunAsync(workload, cancellationToken),
        Technique.Queues => QueuesWorkload.RunAsync(workload, cancellationToken),
        Technique.Balancing => Task.Run(() => BalancingWorkload.Run(workload, cancellationToken), cancellationToken),
        Technique.Caching => Task.Run(() => CachingWorkload.Run(workload, cancellationToken), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload.Technique, "Unknown technique."),
    };
}
