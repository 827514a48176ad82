namespace Workbook.Async;

/// <summary>
/// The order handler exercise 03.3 starts from: correct results, but it waits for each inventory
/// call with <c>.Result</c> / <c>.GetAwaiter().GetResult()</c>, blocking its thread for the whole call.
/// </summary>
/// <remarks>
/// Thread-safe (stateless). Under load it starves whatever runs it of threads; see
/// <see cref="HandlerProbe"/>. Kept in the library so the notebook can demonstrate the bug.
/// </remarks>
public sealed class BlockingOrderHandler : IOrderHandler
{
    /// <inheritdoc />
    public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(inventory);

        // Sync over async: this thread does nothing but wait until each call completes.
        int reservation = inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken).Result;
        decimal price = inventory.PriceAsync(order.Sku, cancellationToken).GetAwaiter().GetResult();
        return Task.FromResult(new Receipt(order.Id, reservation, price * order.Quantity));
    }
}
