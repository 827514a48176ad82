namespace Workbook.Async;

/// <summary>Handles one order by calling the inventory (exercise 03.3).</summary>
/// <remarks>
/// A correct implementation reserves the items, looks up the price and returns a
/// <see cref="Receipt"/> without ever blocking a thread while an inventory call is in progress,
/// so many orders can be handled at once on very few threads.
/// </remarks>
public interface IOrderHandler
{
    /// <summary>Reserves the order's items, prices them and returns the receipt.</summary>
    /// <param name="order">The order.</param>
    /// <param name="inventory">The inventory service.</param>
    /// <param name="cancellationToken">Cancels the inventory calls.</param>
    /// <returns>The receipt: the order id, the reservation id and unit price × quantity.</returns>
    Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken);
}
