namespace Workbook.Tests.Processes;

/// <summary>Every await in these tests goes through here, so a deadlock fails the test instead of hanging it.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);

    /// <summary>Awaits a task that is expected to fail, returning the exception (bounded).</summary>
    public static async Task<T> FailsWith<T>(this Task task)
        where T : Exception => await Assert.ThrowsAnyAsync<T>(() => task.Within());

    /// <summary>Asserts that <paramref name="call"/> throws before returning a task (argument and state checks).</summary>
    public static T ThrowsBeforeReturning<T>(Func<Task> call)
        where T : Exception => Assert.Throws<T>(() => { _ = call(); });
}
