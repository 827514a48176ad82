using System.Threading.Channels;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Queues;

/// <summary>One round of the 06.1 check: fresh channels around a learner's stage, running on the pool.</summary>
/// <remarks>
/// Disposing ends the round whatever state the stage is in: the input is completed and the stage's
/// token cancelled, so a stage stuck in a read or a write can leave; a stage stuck elsewhere is abandoned.
/// Used by one checker flow at a time.
/// </remarks>
internal sealed class StageRun : IAsyncDisposable
{
    // Not disposed: an abandoned stage may still look at the token after the round has ended.
    private readonly CancellationTokenSource stop;

    private StageRun(Channel<int> input, ChannelReader<int> output, Task stage, CancellationTokenSource stop, CancellationToken checkToken)
    {
        Input = input;
        Stage = stage;
        this.stop = stop;
        Output = new StageOutput(output, stage, ChannelStageCheck.Patience, checkToken);
    }

    /// <summary>The stage's input channel; the checker writes and completes it.</summary>
    public Channel<int> Input { get; }

    /// <summary>The stage's output as the checker observes it.</summary>
    public StageOutput Output { get; }

    /// <summary>The task RunAsync returned.</summary>
    public Task Stage { get; }

    /// <summary>Cancelled when the round ends or the check's time limit passes.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>Starts the stage with a bounded output of <see cref="ChannelStageCheck.OutputCapacity"/>.</summary>
    /// <param name="answer">The learner's stage.</param>
    /// <param name="work">The work the stage applies.</param>
    /// <param name="checkToken">The check's token.</param>
    /// <param name="preload">Items already waiting in the input when the stage starts, so every answer sees the same first state.</param>
    public static StageRun Start(IChannelStage answer, Func<int, int> work, CancellationToken checkToken, IEnumerable<int>? preload = null)
    {
        var output = Channel.CreateBounded<int>(ChannelStageCheck.OutputCapacity);
        return Start(answer, work, output.Writer, output.Reader, checkToken, preload);
    }

    /// <summary>Starts the stage writing to <paramref name="writer"/>; the checker reads <paramref name="reader"/>.</summary>
    public static StageRun Start(
        IChannelStage answer,
        Func<int, int> work,
        ChannelWriter<int> writer,
        ChannelReader<int> reader,
        CancellationToken checkToken,
        IEnumerable<int>? preload = null)
    {
        var input = Channel.CreateBounded<int>(ChannelStageCheck.InputCapacity);
        foreach (var item in preload ?? [])
        {
            if (!input.Writer.TryWrite(item))
            {
                throw new ArgumentException($"At most {ChannelStageCheck.InputCapacity} items can be preloaded.", nameof(preload));
            }
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(checkToken);
        // Task.Run: a stage that blocks its calling thread must not block the checker.
        var stage = Task.Run(
            () => answer.RunAsync(input.Reader, writer, work, stop.Token)
                ?? throw new ExerciseFailedException("RunAsync returned null instead of a Task: make it async, or return the task of your loop."),
            CancellationToken.None);
        return new StageRun(input, reader, stage, stop, checkToken);
    }

    /// <summary>After the output completed, RunAsync's task must finish too (with the learner's exception, if any, rethrown).</summary>
    public async Task RequireFinishedAsync(CheckContext context, string round)
    {
        await Task.WhenAny(Stage, Task.Delay(ChannelStageCheck.Patience, context.CancellationToken)).ConfigureAwait(false);
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Require(
            Stage.IsCompleted,
            $"in {round} the output was completed, but the task RunAsync returned had still not finished {Duration(ChannelStageCheck.Patience)} later. "
                + "RunAsync's task should end when the stage has done its work.");
        await Stage.ConfigureAwait(false);
    }

    /// <summary>Gives the stage a moment to finish after a failure round; its exception (if any) is expected and ignored.</summary>
    public async Task WaitQuietlyAsync()
    {
        await Task.WhenAny(Stage, Task.Delay(ChannelStageCheck.Patience, Token)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Input.Writer.TryComplete();
        stop.Cancel();
        // Observe whatever the stage throws from now on so it never surfaces as an unobserved exception.
        _ = Stage.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return ValueTask.CompletedTask;
    }
}
