using System.Threading.Channels;

namespace Workbook.Capstone;

/// <summary>The library's answer to checkpoint 09.2: a bounded channel, TryWrite at the door, a fixed set of consumer loops.</summary>
/// <remarks>
/// Thread-safety: <see cref="TryEnqueue"/> may be called concurrently after <see cref="Start"/>.
/// Disposal stops admitting, cancels the jobs still waiting and waits for the jobs being worked on.
/// </remarks>
internal sealed class AdmissionQueue : IAdmissionQueue
{
    private Channel<Job>? _channel;
    private Task[] _consumers = [];

    /// <summary>Jobs waiting right now.</summary>
    public int Waiting => _channel?.Reader.Count ?? 0;

    public void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consumers);
        ArgumentNullException.ThrowIfNull(work);
        if (_channel is not null)
        {
            throw new InvalidOperationException("The admission queue was already started.");
        }

        // Wait mode matters only for WriteAsync; TryWrite on a full Wait-mode channel returns false,
        // which is exactly the "refuse at the door" we want. The Drop modes would accept and silently lose jobs.
        _channel = Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = consumers == 1,
        });
        _consumers = [.. Enumerable.Range(0, consumers).Select(_ => Task.Run(() => ConsumeAsync(_channel.Reader, work)))];
    }

    public Task<long>? TryEnqueue(int key, CancellationToken cancellationToken)
    {
        Channel<Job> channel = _channel ?? throw new InvalidOperationException("Call Start before TryEnqueue.");
        var job = new Job(key, cancellationToken);
        return channel.Writer.TryWrite(job) ? job.Result.Task : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is null || !_channel.Writer.TryComplete())
        {
            return;
        }

        // Jobs still waiting will not be worked on: cancel them so nobody waits for an answer that never comes.
        while (_channel.Reader.TryRead(out Job? job))
        {
            job.Result.TrySetCanceled();
        }

        await Task.WhenAll(_consumers).ConfigureAwait(false);
    }

    private static async Task ConsumeAsync(ChannelReader<Job> reader, Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (Job job in reader.ReadAllAsync().ConfigureAwait(false))
        {
            // The client gave up while the job waited: skip it rather than burn CPU on an answer nobody reads.
            if (job.Token.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.Token);
                continue;
            }

            try
            {
                job.Result.TrySetResult(await work(job.Key, job.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException e)
            {
                job.Result.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                job.Result.TrySetException(e);
            }
        }
    }

    private sealed class Job(int key, CancellationToken token)
    {
        public int Key { get; } = key;

        public CancellationToken Token { get; } = token;

        // Continuations run elsewhere, so a consumer is never hijacked to run a request's remaining code.
        public TaskCompletionSource<long> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
