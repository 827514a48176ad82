namespace Workbook.Tests.Queues;

/// <summary>Every await in these tests goes through here so a deadlock fails instead of hanging.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Within(this Task task) => task.WaitAsync(Limit);

    public static Task Within(this ValueTask task) => task.AsTask().WaitAsync(Limit);

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Limit);
}
