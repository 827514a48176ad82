namespace Workbook.Balancing;

/// <summary>
/// A load-balancing policy: given its backends, <see cref="Pick"/> chooses where the next
/// request goes and hands back a <see cref="Lease"/> that reports how the request ended.
/// </summary>
/// <remarks>
/// Usage: <c>using var lease = balancer.Pick(); ... send to lease.Backend ...; lease.Complete(success: true);</c>.
/// The lease is how stateful policies (least connections, latency-aware) learn about
/// outstanding requests and latency; a request must end its lease exactly once, which
/// <see cref="Lease"/> guarantees even when both Complete and Dispose are called.
/// Implementations must be safe for concurrent <see cref="Pick"/> and lease completion
/// from many threads (a reverse proxy calls them from every request).
/// </remarks>
public interface IBalancer
{
    /// <summary>The policy's short name, e.g. <c>"round-robin"</c>.</summary>
    string Name { get; }

    /// <summary>The backends, in index order (a lease's <see cref="Lease.Index"/> points into this list).</summary>
    IReadOnlyList<Backend> Backends { get; }

    /// <summary>Chooses a backend for one request and starts tracking it.</summary>
    /// <returns>The lease for the request; complete or dispose it when the request ends.</returns>
    /// <exception cref="NoHealthyBackendException">Every backend is ejected or busy with its health trial.</exception>
    Lease Pick();
}
