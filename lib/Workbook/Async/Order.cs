namespace Workbook.Async;

/// <summary>An order the handlers of exercise 03.3 process.</summary>
/// <param name="Id">The order number.</param>
/// <param name="Sku">The product code.</param>
/// <param name="Quantity">How many items.</param>
public sealed record Order(int Id, string Sku, int Quantity);

/// <summary>What a handler returns for an order.</summary>
/// <param name="OrderId">The order's number.</param>
/// <param name="ReservationId">The id <see cref="IInventory.ReserveAsync"/> returned for the order.</param>
/// <param name="Total">Unit price times quantity.</param>
public sealed record Receipt(int OrderId, int ReservationId, decimal Total);
