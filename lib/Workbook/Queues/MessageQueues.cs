namespace Workbook.Queues;

/// <summary>Opens the queue a notebook should use: a private Redis when possible, the in-process queue otherwise.</summary>
public static class MessageQueues
{
    /// <summary>Opens a queue and says which one it is in <see cref="IMessageQueue.Description"/>.</summary>
    /// <param name="name">Stream name (use a fresh name per experiment to start empty).</param>
    /// <param name="backend">Which broker to use; <see cref="QueueBackend.Auto"/> prefers Redis.</param>
    /// <param name="cancellationToken">Abandons starting Redis.</param>
    /// <returns>The queue; disposing it also stops the Redis server it started.</returns>
    /// <exception cref="InvalidOperationException"><see cref="QueueBackend.Redis"/> was required but redis-server is missing or failed to start.</exception>
    /// <example><code>
    /// await using var queue = await MessageQueues.OpenAsync("orders");
    /// Console.WriteLine(queue.Description);
    /// </code></example>
    public static Task<IMessageQueue> OpenAsync(
        string name = "workbook",
        QueueBackend backend = QueueBackend.Auto,
        CancellationToken cancellationToken = default) =>
        OpenCoreAsync(name, backend, RedisServer.FindBinary(), timeProvider: null, cancellationToken);

    internal static async Task<IMessageQueue> OpenCoreAsync(
        string name,
        QueueBackend backend,
        string? redisBinary,
        TimeProvider? timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(backend))
        {
            throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown queue backend.");
        }

        if (backend == QueueBackend.InProcess)
        {
            return new InProcessQueue(timeProvider, $"In-process Channel queue '{name}' (the in-process backend was requested).");
        }

        if (redisBinary is null || !File.Exists(redisBinary))
        {
            if (backend == QueueBackend.Redis)
            {
                throw new InvalidOperationException($"{RedisServer.InstallHint} (the Redis backend was requested).");
            }

            return new InProcessQueue(
                timeProvider,
                $"In-process Channel queue '{name}': redis-server is not installed, so the embedded queue is used (apt-get install redis-server for a real broker).");
        }

        RedisServer server;
        try
        {
            server = await RedisServer.StartAsync(redisBinary, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (backend == QueueBackend.Auto)
        {
            var reason = ex.Message.Split('\n')[0].Trim();
            return new InProcessQueue(
                timeProvider,
                $"In-process Channel queue '{name}': redis-server at {redisBinary} did not start ({reason}), so the embedded queue is used.");
        }

        try
        {
            return await RedisStreamQueue.ConnectAsync(
                server.ConnectionString,
                name,
                RedisStreamQueue.DefaultGroup,
                server,
                $"Redis Streams on {server.ConnectionString}, stream '{name}': redis-server was found at {redisBinary}, so the workbook started its own instance.",
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
