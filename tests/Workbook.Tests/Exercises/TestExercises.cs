using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

/// <summary>Something a test exercise can run: stands in for a learner's answer.</summary>
public interface IProbe
{
    void Run();
}

/// <summary>A learner answer built from a delegate.</summary>
public sealed class DelegateProbe(Action action) : IProbe
{
    public void Run() => action();
}

/// <summary>Tiny exercises in a fake chapter, to test the exercise system without chapter checkers.</summary>
internal static class TestExercises
{
    public const string Chapter = "99-test";

    /// <summary>99.1 runs the answer once on the check thread.</summary>
    public static Exercise RunOnce { get; } = Exercise.Define<IProbe>(
        "99.1", Chapter, "Run once", ["first nudge", "second, more specific", "third, nearly the answer"],
        (create, context) =>
        {
            create().Run();
            return "it ran";
        });

    /// <summary>99.2 runs the answer on four start-gated worker threads.</summary>
    public static Exercise RunOnWorkers { get; } = Exercise.Define<IProbe>(
        "99.2", Chapter, "Run on workers", ["only hint", "second hint"],
        (create, context) =>
        {
            IProbe probe = create();
            context.RunThreads(4, _ => probe.Run());
            return "it ran on 4 threads";
        });

    /// <summary>99.3 always fails with a specific message.</summary>
    public static Exercise AlwaysFails { get; } = Exercise.Define<IProbe>(
        "99.3", Chapter, "Always fails", ["hint"],
        (create, context) =>
        {
            create().Run();
            context.Fail("expected 10 things, found 7: three went missing.");
            return "unreachable";
        });

    public static IReadOnlyList<Exercise> All { get; } = [RunOnce, RunOnWorkers, AlwaysFails];
}
