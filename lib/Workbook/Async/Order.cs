namespace Workbook.Async;

/// <summary>An order the handlers of exercise 03.3 process.</summary>
/// <param name="Id">The order number.</param>
/// <param name="Sku">The product code.</param>
/// <param name="Quantity">How many items.</param>
public sealed record Order(int Id, string Sku, int Quantity);
