namespace Workbook.Async;

/// <summary>What a handler returns for an order.</summary>
/// <param name="OrderId">The order's number.</param>
/// <param name="ReservationId">The id <see cref="IInventory.ReserveAsync"/> returned for the order.</param>
/// <param name="Total">Unit price times quantity.</param>
public sealed record Receipt(int OrderId, int ReservationId, decimal Total);
