namespace Workbook.Async;

/// <summary>
/// One replica the 03.2 check controls: it records that it was started and whether its token was
/// cancelled, and finishes only when the check says so (or, like a real request, when its token is cancelled).
/// </summary>
/// <remarks>Thread-safe; the check completes it from its own thread while the learner's code awaits it.</remarks>
internal sealed class FakeReplica
{
    private readonly TaskCompletionSource<int> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _tokenCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Exception? _failAtStart;
    private int _starts;

    public FakeReplica(int index, Exception? failAtStart = null)
    {
        Index = index;
        _failAtStart = failAtStart;
    }

    /// <summary>The replica's position in the list.</summary>
    public int Index { get; }

    /// <summary>How many times the learner's code started this replica.</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>Whether the token the replica was started with has been cancelled.</summary>
    public bool TokenCancelled => _tokenCancelled.Task.IsCompleted;

    /// <summary>Completes when the replica's token is cancelled.</summary>
    public Task Cancelled => _tokenCancelled.Task;

    /// <summary>The delegate handed to the learner's code.</summary>
    public Task<int> Start(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        cancellationToken.Register(() =>
        {
            _tokenCancelled.TrySetResult();

            // Like a real request, a cancelled replica stops with OperationCanceledException.
            _outcome.TrySetCanceled(cancellationToken);
        });
        return _failAtStart is null ? _outcome.Task : Task.FromException<int>(_failAtStart);
    }

    /// <summary>Makes the replica answer.</summary>
    public void Succeed(int value) => _outcome.TrySetResult(value);

    /// <summary>Makes the replica fail.</summary>
    public void Fail(Exception error) => _outcome.TrySetException(error);

    /// <summary>Ends the replica if it is still running (clean-up after a round).</summary>
    public void Abandon() => _outcome.TrySetCanceled();
}
