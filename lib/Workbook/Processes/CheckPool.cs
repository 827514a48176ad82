using System.Diagnostics;
using Workbook.Exercises;

namespace Workbook.Processes;

/// <summary>
/// The private two-worker pool an exercise check runs the learner's code on, with every wait
/// bounded: starting, the learner's own task, and disposal.
/// </summary>
/// <remarks>
/// Used by one check thread. The learner's token is cancelled when the check stops waiting or
/// when the check's own time limit passes. Disposal always ends every worker process.
/// </remarks>
internal sealed class CheckPool : IAsyncDisposable
{
    /// <summary>Workers in a check's pool: two are enough to see overlap and reordering.</summary>
    public const int Workers = 2;

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource _learner;

    private CheckPool(ProcessPool pool, CancellationTokenSource learner)
    {
        Pool = pool;
        _learner = learner;
    }

    public ProcessPool Pool { get; }

    /// <summary>Starts the pool, or fails the check with a message that blames the machine, not the learner.</summary>
    public static async Task<CheckPool> StartAsync(CheckContext context)
    {
        var learner = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        Task<ProcessPool> starting = ProcessPool.StartAsync(Workers, learner.Token);
        try
        {
            return new CheckPool(await starting.WaitAsync(StartBound).ConfigureAwait(false), learner);
        }
        catch (Exception error) when (error is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // Abandon a start that is still under way; if it completes anyway, end its workers.
            learner.Cancel();
            _ = starting.ContinueWith(
                static t => t.Result.DisposeAsync().AsTask(),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
            throw new ExerciseFailedException(
                $"the checker could not start its {Workers} worker processes ({error.GetType().Name}: {error.Message}). "
                + "This is not your code: build the workbook (dotnet build Workbook.sln) and run the check again.");
        }
    }

    /// <summary>
    /// Calls the learner's code and waits until its task ends, <paramref name="giveUp"/> says the
    /// run has gone wrong, or <paramref name="bound"/> passes. Then cancels the learner's token.
    /// </summary>
    /// <exception cref="Exception">Whatever the learner's code throws before returning its task.</exception>
    public async Task<LearnerRun<T>> RunAsync<T>(
        Func<ProcessPool, CancellationToken, Task<T>?> learnerCode, TimeSpan bound, Func<ProcessPool, bool>? giveUp = null)
    {
        long started = Stopwatch.GetTimestamp();
        Task<T> task = learnerCode(Pool, _learner.Token)
            ?? throw new ExerciseFailedException("your method returned null instead of a Task: make it async and return the results.");

        // The timeline at the very moment the task completed: it tells whether every item had finished by then.
        Task<IReadOnlyList<ActivitySpan>> atCompletion = task.ContinueWith(
            _ => Pool.Timeline, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!task.IsCompleted && Stopwatch.GetElapsedTime(started) < bound && !(giveUp?.Invoke(Pool) ?? false))
        {
            await Task.WhenAny(task, Task.Delay(PollInterval)).ConfigureAwait(false);
        }

        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        bool finished = task.IsCompleted;
        _learner.Cancel();
        if (!finished)
        {
            // The learner's task is abandoned; make sure a late failure of it is never unobserved.
            _ = task.ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return new LearnerRun<T>(task, finished, finished ? await atCompletion.ConfigureAwait(false) : Pool.Timeline, elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        _learner.Cancel();
        try
        {
            // DisposeAsync bounds its own waits; this outer bound only guards against a bug there.
            await Pool.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Workers also exit when this process ends: their stdin closes.
        }

        _learner.Dispose();
    }
}

/// <summary>How a learner's call went: its task, whether it finished in time, and the pool's timeline.</summary>
/// <param name="Task">The learner's task (completed when <paramref name="Finished"/>).</param>
/// <param name="Finished">Whether the task completed before the check stopped waiting.</param>
/// <param name="Timeline">The pool's timeline when the task completed (or when the check gave up).</param>
/// <param name="Elapsed">How long the check waited.</param>
internal sealed record LearnerRun<T>(Task<T> Task, bool Finished, IReadOnlyList<ActivitySpan> Timeline, TimeSpan Elapsed);
