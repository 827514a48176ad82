using System.Threading.Channels;
using Workbook.Capstone;

namespace Workbook.Tests.Capstone.Fixtures;

// Exercise 09.2 as the notebook's stub cell shows it.
// TODO: a bounded channel of jobs, TryWrite at the door, `consumers` loops that run one job at a time.
public sealed class BoundedAdmissionStub : IAdmissionQueue
{
    public void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work) => throw new NotImplementedException();

    public Task<long>? TryEnqueue(int key, CancellationToken cancellationToken) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A correct queue whose channel options (or consumer behaviour) the wrong answers below vary.</summary>
public abstract class ChannelAdmission : IAdmissionQueue
{
    protected sealed record Job(int Key, CancellationToken Token, TaskCompletionSource<long> Result);

    protected Channel<Job> Channel { get; private set; } = null!;

    private Task[] _consumers = [];

    public void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work)
    {
        Channel = Create(capacity);
        _consumers = Enumerable.Range(0, consumers).Select(_ => Task.Run(() => ConsumeAsync(work))).ToArray();
    }

    public Task<long>? TryEnqueue(int key, CancellationToken cancellationToken)
    {
        var job = new Job(key, cancellationToken, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        return Channel.Writer.TryWrite(job) ? job.Result.Task : null;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Writer.TryComplete();
        while (Channel.Reader.TryRead(out Job? left))
        {
            left.Result.TrySetCanceled();
        }

        await Task.WhenAll(_consumers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    protected abstract Channel<Job> Create(int capacity);

    protected virtual async Task ConsumeAsync(Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (Job job in Channel.Reader.ReadAllAsync())
        {
            if (job.Token.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.Token);
                continue;
            }

            try
            {
                job.Result.TrySetResult(await work(job.Key, job.Token));
            }
            catch (Exception e)
            {
                job.Result.TrySetException(e);
            }
        }
    }
}

// Wrong answer: an unbounded channel never says no; the line just grows.
public sealed class UnboundedAdmission : ChannelAdmission
{
    protected override Channel<Job> Create(int capacity) => System.Threading.Channels.Channel.CreateUnbounded<Job>();
}

// Wrong answer: DropOldest makes room by silently throwing away the oldest waiting job.
public sealed class DropOldestAdmission : ChannelAdmission
{
    protected override Channel<Job> Create(int capacity) =>
        System.Threading.Channels.Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest });
}

// Wrong answer: each consumer fires off a task per job, so nothing limits how many run at once.
public sealed class TaskPerJobAdmission : ChannelAdmission
{
    protected override Channel<Job> Create(int capacity) => System.Threading.Channels.Channel.CreateBounded<Job>(capacity);

    protected override async Task ConsumeAsync(Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (Job job in Channel.Reader.ReadAllAsync())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    job.Result.TrySetResult(await work(job.Key, job.Token));
                }
                catch (Exception e)
                {
                    job.Result.TrySetException(e);
                }
            });
        }
    }
}

// Wrong answer: runs every job, even when its request was cancelled while it waited.
public sealed class IgnoresCancellationAdmission : ChannelAdmission
{
    protected override Channel<Job> Create(int capacity) => System.Threading.Channels.Channel.CreateBounded<Job>(capacity);

    protected override async Task ConsumeAsync(Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (Job job in Channel.Reader.ReadAllAsync())
        {
            try
            {
                job.Result.TrySetResult(await work(job.Key, job.Token));
            }
            catch (Exception e)
            {
                job.Result.TrySetException(e);
            }
        }
    }
}

// Wrong answer: an exception from work escapes the loop and ends the consumer.
public sealed class FragileConsumerAdmission : ChannelAdmission
{
    protected override Channel<Job> Create(int capacity) => System.Threading.Channels.Channel.CreateBounded<Job>(capacity);

    protected override async Task ConsumeAsync(Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (Job job in Channel.Reader.ReadAllAsync())
        {
            if (job.Token.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.Token);
                continue;
            }

            job.Result.TrySetResult(await work(job.Key, job.Token));
        }
    }
}
