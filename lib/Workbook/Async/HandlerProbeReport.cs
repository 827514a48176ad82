using System.Globalization;

namespace Workbook.Async;

/// <summary>What <see cref="HandlerProbe"/> saw when it ran many order handlers on very few threads.</summary>
/// <param name="Orders">How many orders were handled at once.</param>
/// <param name="Threads">How many threads the handlers had between them.</param>
/// <param name="Reserved">Handlers that reached <see cref="IInventory.ReserveAsync"/>.</param>
/// <param name="Priced">Handlers that reached <see cref="IInventory.PriceAsync"/>.</param>
/// <param name="Finished">Handlers that returned their receipt.</param>
/// <param name="Deadlocked">True when the handlers stopped making progress and the probe had to release them.</param>
/// <param name="ReservedOffThread">Reservations made from a thread other than the handlers' own (work moved elsewhere, e.g. with Task.Run).</param>
/// <param name="Receipts">The receipts in order of the orders (null where a handler did not finish).</param>
/// <param name="Error">The first exception a handler threw, or null.</param>
public sealed record HandlerProbeReport(
    int Orders,
    int Threads,
    int Reserved,
    int Priced,
    int Finished,
    bool Deadlocked,
    int ReservedOffThread,
    IReadOnlyList<Receipt?> Receipts,
    Exception? Error)
{
    /// <summary>The inventory the handlers used (for the exercise check's receipt comparison).</summary>
    internal GatedInventory? Inventory { get; init; }

    /// <summary>The orders, in the order of <see cref="Receipts"/>.</summary>
    internal IReadOnlyList<Order> OrderList { get; init; } = [];

    /// <summary>E.g. <c>8 orders on 2 threads: 2 reached ReserveAsync, 0 reached PriceAsync, 0 finished: DEADLOCKED (...)</c>.</summary>
    public override string ToString()
    {
        string counts = string.Create(
            CultureInfo.InvariantCulture,
            $"{Orders} orders on {Threads} thread(s): {Reserved} reached ReserveAsync, {Priced} reached PriceAsync, {Finished} finished");
        if (Deadlocked)
        {
            return counts + $": DEADLOCKED. The {Threads} thread(s) sat blocked inside handlers, waiting for inventory calls that could only "
                + "complete once the other handlers got a thread (the probe then released them).";
        }

        string moved = ReservedOffThread > 0 ? $" ({ReservedOffThread} reservations were made on other threads than the handlers')" : string.Empty;
        return Error is null
            ? counts + $": no thread was blocked while waiting{moved}."
            : counts + $": a handler threw {Error.GetType().Name}: {Error.Message}";
    }
}
