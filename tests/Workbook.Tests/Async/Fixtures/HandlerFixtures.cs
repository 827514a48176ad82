using Workbook.Async;

namespace Workbook.Tests.Async.Fixtures;

// Exercise 03.3 as the notebook's stub cell shows it.
public sealed class OrderHandlerStub : IOrderHandler
{
    public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: the first call is awaited, the second still blocks.
public sealed class HalfAsyncOrderHandler : IOrderHandler
{
    public async Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        int reservation = await inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken);
        decimal price = inventory.PriceAsync(order.Sku, cancellationToken).GetAwaiter().GetResult();
        return new Receipt(order.Id, reservation, price * order.Quantity);
    }
}

// Wrong answer: the blocking code moved onto the thread pool with Task.Run.
public sealed class TaskRunOrderHandler : IOrderHandler
{
    public Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            int reservation = inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken).Result;
            decimal price = inventory.PriceAsync(order.Sku, cancellationToken).Result;
            return new Receipt(order.Id, reservation, price * order.Quantity);
        });
}

// Wrong answer: async, but the receipt uses the quantity as the total.
public sealed class WrongTotalOrderHandler : IOrderHandler
{
    public async Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        int reservation = await inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken);
        decimal price = await inventory.PriceAsync(order.Sku, cancellationToken);
        return new Receipt(order.Id, reservation, price);
    }
}

// A correct alternative: ConfigureAwait(false) on both calls.
public sealed class ConfigureAwaitOrderHandler : IOrderHandler
{
    public async Task<Receipt> HandleAsync(Order order, IInventory inventory, CancellationToken cancellationToken)
    {
        int reservation = await inventory.ReserveAsync(order.Sku, order.Quantity, cancellationToken).ConfigureAwait(false);
        decimal price = await inventory.PriceAsync(order.Sku, cancellationToken).ConfigureAwait(false);
        return new Receipt(order.Id, reservation, price * order.Quantity);
    }
}
