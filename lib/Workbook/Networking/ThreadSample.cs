namespace Workbook.Networking;

/// <summary>The number of thread-pool threads at one moment.</summary>
/// <param name="At">Time since the batch started.</param>
/// <param name="Threads">Thread-pool threads then.</param>
public readonly record struct ThreadSample(TimeSpan At, int Threads);
