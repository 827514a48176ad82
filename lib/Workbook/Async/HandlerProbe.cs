namespace Workbook.Async;

/// <summary>
/// Runs many order handlers at once on a tiny dedicated thread pool against an inventory whose
/// calls complete only after every handler has made the same call: code that awaits sails through;
/// code that blocks a thread while waiting deadlocks, deterministically, whatever the machine's speed.
/// </summary>
/// <remarks>
/// The probe watches a deadlock for <see cref="Patience"/>, then opens the inventory's gates so the
/// blocked threads finish and exit: nothing is left running. Safe to call from several threads.
/// </remarks>
public static class HandlerProbe
{
    /// <summary>How long the probe waits for progress before it declares a deadlock.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>Handles <paramref name="orders"/> orders at once on <paramref name="threads"/> threads.</summary>
    /// <param name="handler">The handler under test.</param>
    /// <param name="orders">How many orders (at least 1); blocking shows only when there are more orders than threads.</param>
    /// <param name="threads">How many threads the handlers share (at least 1).</param>
    /// <param name="cancellationToken">Stops waiting early (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>How far the handlers got, and their receipts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts are out of range.</exception>
    public static HandlerProbeReport Run(IOrderHandler handler, int orders = 8, int threads = 2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orders);
        Order[] list = Orders(orders);
        using var scheduler = new DedicatedThreadsScheduler(threads, "order handler");
        var inventory = new GatedInventory(orders, () => scheduler.OwnsCurrentThread);
        Task<Receipt>[] tasks = [.. list.Select(order => Task.Factory.StartNew(
            () => handler.HandleAsync(order, inventory, cancellationToken),
            cancellationToken,
            TaskCreationOptions.DenyChildAttach,
            scheduler).Unwrap())];
        Task all = Task.WhenAll(tasks);
        bool finished = CheckWaits.Ended(all, Patience, cancellationToken);
        int reserved = inventory.ReserveCalls, priced = inventory.PriceCalls, done = tasks.Count(t => t.IsCompleted);
        if (!finished)
        {
            // Free the blocked threads so they finish and leave; they are not waited for long.
            inventory.Release();
            CheckWaits.Ended(all, Patience, cancellationToken);
        }

        Exception? error = tasks.Where(t => t.IsFaulted || t.IsCanceled)
            .Select(t => t.Exception?.GetBaseException() ?? new TaskCanceledException(t))
            .FirstOrDefault();
        Receipt?[] receipts = [.. tasks.Select(t => t.IsCompletedSuccessfully ? t.Result : null)];
        return new HandlerProbeReport(orders, threads, reserved, priced, done, !finished, inventory.ReservedOffHome, receipts, error)
        {
            Inventory = inventory,
            OrderList = list,
        };
    }

    /// <summary>The orders the probe handles: ids 1..n, one product each, 1 to 3 items.</summary>
    internal static Order[] Orders(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new Order(i, $"SKU-{i:000}", 1 + (i % 3)))];
}
