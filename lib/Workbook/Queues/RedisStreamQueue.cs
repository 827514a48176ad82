using StackExchange.Redis;

namespace Workbook.Queues;

/// <summary>
/// An <see cref="IMessageQueue"/> on a Redis Stream with one consumer group: XADD to publish,
/// XREADGROUP to read new (<c>&gt;</c>) or own pending (<c>0</c>) messages, XACK to acknowledge,
/// XAUTOCLAIM to take over idle messages, XPENDING to count them.
/// </summary>
/// <remarks>
/// Thread-safety: all members may be called concurrently (one multiplexed connection is shared).
/// Failure: connect and every operation are bounded by short timeouts and the client fails fast while
/// disconnected, so if redis-server dies each call throws <see cref="QueueUnavailableException"/>
/// within seconds instead of hanging. Cancellation abandons the wait only; a command already sent may
/// still take effect (which at-least-once delivery tolerates: an unacknowledged read stays pending).
/// Disposal closes the connection and, if this queue started its own <see cref="RedisServer"/>, stops it.
/// </remarks>
public sealed class RedisStreamQueue : IMessageQueue
{
    /// <summary>The consumer group used when none is given.</summary>
    public const string DefaultGroup = "workers";

    private const string PayloadField = "payload";
    private const int TimeoutMilliseconds = 3_000;
    private static readonly RedisValue ScanStart = "0-0";

    private readonly ConnectionMultiplexer connection;
    private readonly IDatabase database;
    private readonly RedisKey key;
    private readonly RedisValue group;
    private readonly string endpoint;
    private readonly RedisServer? ownedServer;
    private int disposed;

    private RedisStreamQueue(ConnectionMultiplexer connection, string endpoint, string stream, string group, RedisServer? ownedServer, string description)
    {
        this.connection = connection;
        this.endpoint = endpoint;
        this.ownedServer = ownedServer;
        database = connection.GetDatabase();
        key = stream;
        this.group = group;
        Stream = stream;
        Group = group;
        Description = description;
    }

    /// <summary>The Redis server this queue talks to, as given in the connection string (e.g. <c>127.0.0.1:40123</c>).</summary>
    public string Endpoint => endpoint;

    /// <summary>The Redis key of the stream.</summary>
    public string Stream { get; }

    /// <summary>The consumer group all consumers of this queue belong to.</summary>
    public string Group { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The redis-server this queue started and stops on disposal (see <see cref="MessageQueues.OpenAsync"/>),
    /// or null when it connected to a server someone else runs.</summary>
    public RedisServer? Server => ownedServer;

    /// <summary>Connects to a Redis server and makes sure the stream and its consumer group exist.</summary>
    /// <param name="connectionString">StackExchange.Redis connection string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="stream">Key of the stream.</param>
    /// <param name="group">Consumer group name.</param>
    /// <param name="cancellationToken">Abandons the connect.</param>
    /// <returns>The connected queue.</returns>
    /// <exception cref="QueueUnavailableException">No Redis answered at <paramref name="connectionString"/>.</exception>
    public static Task<RedisStreamQueue> ConnectAsync(
        string connectionString,
        string stream = "workbook",
        string group = DefaultGroup,
        CancellationToken cancellationToken = default) =>
        ConnectAsync(connectionString, stream, group, ownedServer: null, description: null, cancellationToken);

    internal static async Task<RedisStreamQueue> ConnectAsync(
        string connectionString,
        string stream,
        string group,
        RedisServer? ownedServer,
        string? description,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);

        var options = ConfigurationOptions.Parse(connectionString);
        // Never hang a notebook: give up quickly on connect and on each command, and fail at once
        // (rather than queue commands) while the connection is down.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = TimeoutMilliseconds;
        options.SyncTimeout = TimeoutMilliseconds;
        options.AsyncTimeout = TimeoutMilliseconds;
        options.ConnectRetry = 1;
        options.BacklogPolicy = BacklogPolicy.FailFast;

        var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!connection.IsConnected)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new QueueUnavailableException(
                $"Could not connect to Redis at {connectionString} within {TimeoutMilliseconds} ms. Is redis-server running?");
        }

        var queue = new RedisStreamQueue(
            connection,
            connectionString,
            stream,
            group,
            ownedServer,
            description ?? $"Redis Streams at {connectionString} (stream '{stream}', group '{group}')");
        try
        {
            await queue.Call(
                async db =>
                {
                    try
                    {
                        // Position 0: the group sees every message in the stream, including ones
                        // published before it existed.
                        return await db.StreamCreateConsumerGroupAsync(queue.key, queue.group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
                    }
                    catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
                    {
                        return false; // The group already exists: join it.
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return queue;
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var id = await Call(db => db.StreamAddAsync(key, PayloadField, payload), cancellationToken).ConfigureAwait(false);
        return id.ToString();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReadNewAsync(string consumer, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, max);
        var entries = await Call(
            db => db.StreamReadGroupAsync(key, group, consumer, StreamPosition.NewMessages, max, CommandFlags.None),
            cancellationToken).ConfigureAwait(false);
        return ToMessages(entries, redelivered: false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReadPendingAsync(string consumer, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, max);
        // Reading a consumer group at id 0 returns that consumer's own unacknowledged history.
        var entries = await Call(
            db => db.StreamReadGroupAsync(key, group, consumer, StreamPosition.Beginning, max, CommandFlags.None),
            cancellationToken).ConfigureAwait(false);
        return ToMessages(entries, redelivered: true);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueMessage>> ReclaimAsync(string consumer, TimeSpan minIdle, int max = 10, CancellationToken cancellationToken = default)
    {
        QueueArguments.Check(consumer, minIdle, max);
        var claimed = new List<QueueMessage>();
        var cursor = ScanStart;
        do
        {
            var start = cursor;
            var result = await Call(
                db => db.StreamAutoClaimAsync(key, group, consumer, (long)minIdle.TotalMilliseconds, start, max - claimed.Count),
                cancellationToken).ConfigureAwait(false);
            claimed.AddRange(ToMessages(result.ClaimedEntries, redelivered: true));
            // XAUTOCLAIM scans the pending list in pages; "0-0" means it has wrapped around.
            cursor = result.NextStartId;
        }
        while (claimed.Count < max && !cursor.IsNull && cursor != ScanStart);

        return claimed;
    }

    /// <inheritdoc />
    public async Task<int> AckAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var list = QueueArguments.Ids(ids);
        if (list.Count == 0)
        {
            return 0;
        }

        var values = list.Select(id => (RedisValue)id).ToArray();
        return (int)await Call(db => db.StreamAcknowledgeAsync(key, group, values), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> PendingCountAsync(CancellationToken cancellationToken = default)
    {
        var info = await Call(db => db.StreamPendingAsync(key, group), cancellationToken).ConfigureAwait(false);
        return info.PendingMessageCount;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        if (ownedServer is not null)
        {
            await ownedServer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static QueueMessage[] ToMessages(StreamEntry[] entries, bool redelivered) =>
        entries
            .Where(e => !e.IsNull)
            .Select(e => new QueueMessage(e.Id.ToString(), e[PayloadField].ToString(), redelivered))
            .ToArray();

    private async Task<T> Call<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await operation(database).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            throw new QueueUnavailableException(
                $"Redis at {endpoint} is not answering ({ex.GetType().Name}: {FirstLine(ex.Message)}). Has redis-server stopped?",
                ex);
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
