namespace Workbook.Capstone;

/// <summary>Something quote requests can be sent to: one <see cref="CapstoneService"/> or a <see cref="ServiceFarm"/> of them.</summary>
public interface IQuoteTarget
{
    /// <summary>A name for printing, e.g. "naive" or "+ 3 instances".</summary>
    string Name { get; }

    /// <summary>The address of a quote request for <paramref name="key"/>.</summary>
    /// <param name="key">The key (not validated here: the service answers 400 to a bad one).</param>
    /// <returns>The absolute URI.</returns>
    Uri QuoteUrl(int key);

    /// <summary>Wraps a client's handler so requests reach the right instance (unchanged for a single service).</summary>
    /// <param name="inner">The client's own handler.</param>
    /// <returns>The handler to send through.</returns>
    HttpMessageHandler Route(SocketsHttpHandler inner);

    /// <summary>What the service (all instances together) has done since start or the last reset.</summary>
    ServiceStats Stats { get; }

    /// <summary>Zeroes the counters, e.g. after a warm-up.</summary>
    void ResetStats();
}
