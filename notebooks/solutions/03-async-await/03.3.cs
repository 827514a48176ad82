// Exercise 03.3: Fix a thread-pool starvation bug
#nullable enable
using System.Threading;
using System.Threading.Tasks;
using Workbook.Async;

// Reference solution: async all the way. Each await hands the thread back while the inventory call
// is in flight, so a handful of threads can keep any number of orders moving.
public sealed class AsyncOrderHandler : IOrderHandler
{
    public async Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        int reservation = await inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken);
        decimal price = await inventory.PriceAsync(order.Sku, cancellationToken);
        return new Receipt(order.Id, reservation, price * order.Quantity);
    }
}
