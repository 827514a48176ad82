using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Queues;

/// <summary>The 06.1 rounds about failures: a failing input and a throwing work(item) must reach the next stage.</summary>
internal static partial class ChannelStageCheck
{
    /// <summary>The stage before fails after three items: the error must reach the next stage.</summary>
    private static async Task FailingInputAsync(IChannelStage answer, CheckContext context)
    {
        await using var run = StageRun.Start(answer, Work, context.CancellationToken);
        var upstream = new InvalidOperationException($"the stage before failed at item {BadItem}");
        for (var item = 1; item < BadItem; item++)
        {
            await run.Input.Writer.WriteAsync(item, context.CancellationToken).ConfigureAwait(false);
        }

        run.Input.Writer.Complete(upstream);
        var seen = await CollectAsync(run).ConfigureAwait(false);
        RequireErrorPassedOn(context, seen.Last, upstream, $"the input was completed with an error ('{upstream.Message}')");
        RequireSame(context, "When the input failed", seen.Items, 1, BadItem - 1, failedTryWrites: 0);
        await run.WaitQuietlyAsync().ConfigureAwait(false);
    }

    /// <summary>work(item) throws for one item: the stage must stop and pass that error on.</summary>
    private static async Task FailingWorkAsync(IChannelStage answer, CheckContext context)
    {
        var bad = new FormatException($"work failed on item {BadItem}");
        int Failing(int item) => item == BadItem ? throw bad : Work(item);
        await using var run = StageRun.Start(answer, Failing, context.CancellationToken);
        for (var item = 1; item <= BadItem + 2; item++)
        {
            await run.Input.Writer.WriteAsync(item, context.CancellationToken).ConfigureAwait(false);
        }

        run.Input.Writer.Complete();
        var seen = await CollectAsync(run).ConfigureAwait(false);
        RequireErrorPassedOn(context, seen.Last, bad, $"work(item) threw for item {BadItem} ('{bad.Message}')");
        var beforeBad = seen.Items.Where(x => x != Work(BadItem + 1) && x != Work(BadItem + 2)).ToList();
        RequireSame(context, "When work(item) threw", beforeBad, 1, BadItem - 1, failedTryWrites: 0);
        await run.WaitQuietlyAsync().ConfigureAwait(false);
    }

    private static async Task<(List<int> Items, StageObservation Last)> CollectAsync(StageRun run)
    {
        var items = new List<int>();
        while (true)
        {
            var next = await run.Output.NextAsync().ConfigureAwait(false);
            if (next.Event != StageEvent.Item)
            {
                return (items, next);
            }

            items.Add(next.Item);
        }
    }

    private static void RequireErrorPassedOn(CheckContext context, StageObservation last, Exception cause, string what)
    {
        switch (last.Event)
        {
            case StageEvent.Completed:
                context.Fail(
                    $"{what}, but your stage completed its output normally, so the next stage would believe every item had arrived. "
                    + "Catch the exception and pass it on: output.Complete(exception).");
                break;
            case StageEvent.StageReturned or StageEvent.Silent:
                context.Fail(
                    $"{what}, but your stage never completed its output, so the next stage would wait forever. "
                    + "Catch the exception and pass it on: output.Complete(exception).");
                break;
            case StageEvent.Faulted when !Carries(last.Error, cause):
                context.Fail($"{what}, and your stage failed its output with a different error ({Describe(last.Error)}): pass the original exception on.");
                break;
        }
    }

    private static bool Carries(Exception? error, Exception cause)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (ReferenceEquals(e, cause) || (e.GetType() == cause.GetType() && e.Message == cause.Message))
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => Carries(inner, cause)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception? error) => error is null ? "no exception" : $"{error.GetType().Name}: {error.Message}";
}
