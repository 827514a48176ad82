// Exercise 09.2: A bounded queue that says no
using System;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Workbook.Capstone;

// Reference solution: a bounded channel refuses at the door (TryWrite on a full Wait-mode channel returns
// false), a fixed number of consumer loops each run one job at a time, and every accepted job ends exactly once.
public sealed class BoundedAdmission : IAdmissionQueue
{
    private sealed record Job(int Key, CancellationToken Token, TaskCompletionSource<long> Result);

    private Channel<Job> _channel = null!;
    private Task[] _consumers = [];

    public void Start(int capacity, int consumers, Func<int, CancellationToken, Task<long>> work)
    {
        _channel = Channel.CreateBounded<Job>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        _consumers = Enumerable.Range(0, consumers).Select(_ => Task.Run(() => ConsumeAsync(work))).ToArray();
    }

    public Task<long>? TryEnqueue(int key, CancellationToken cancellationToken)
    {
        var job = new Job(key, cancellationToken, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _channel.Writer.TryWrite(job) ? job.Result.Task : null;
    }

    private async Task ConsumeAsync(Func<int, CancellationToken, Task<long>> work)
    {
        await foreach (var job in _channel.Reader.ReadAllAsync())
        {
            if (job.Token.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.Token);   // the client left while the job waited: skip it
                continue;
            }

            try
            {
                job.Result.TrySetResult(await work(job.Key, job.Token));
            }
            catch (OperationCanceledException e)
            {
                job.Result.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                job.Result.TrySetException(e);           // this job fails; the loop carries on
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var left))
        {
            left.Result.TrySetCanceled();                // nobody will work on it now
        }

        await Task.WhenAll(_consumers);
    }
}
