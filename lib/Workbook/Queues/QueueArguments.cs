namespace Workbook.Queues;

/// <summary>Argument checks shared by the <see cref="IMessageQueue"/> implementations.</summary>
internal static class QueueArguments
{
    public static void Check(string consumer, int max)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    public static void Check(string consumer, TimeSpan minIdle, int max)
    {
        Check(consumer, max);
        ArgumentOutOfRangeException.ThrowIfLessThan(minIdle, TimeSpan.Zero);
    }

    public static IReadOnlyList<string> Ids(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Message ids must not be null or blank.", nameof(ids));
        }

        return list;
    }
}
