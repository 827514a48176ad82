namespace Workbook.Async;

/// <summary>The inventory service an order handler calls; both calls are I/O (they go over the network).</summary>
public interface IInventory
{
    /// <summary>Reserves <paramref name="quantity"/> items of <paramref name="sku"/>.</summary>
    /// <param name="sku">The product code.</param>
    /// <param name="quantity">How many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reservation id.</returns>
    Task<int> ReserveAsync(string sku, int quantity, CancellationToken cancellationToken);

    /// <summary>Looks up the unit price of <paramref name="sku"/>.</summary>
    /// <param name="sku">The product code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The unit price.</returns>
    Task<decimal> PriceAsync(string sku, CancellationToken cancellationToken);
}
