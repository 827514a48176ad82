namespace Workbook.Balancing;

/// <summary>
/// Requests held open on a balancer so that each backend has a chosen number outstanding, e.g.
/// loads [0, 5, 1], to show what a load-aware policy does with a given state. Dispose to release them.
/// </summary>
/// <remarks>
/// The balancer decides where requests go, so the loads are reached by filling every backend to
/// the largest target through ordinary picks and then ending the surplus requests. Not thread-safe:
/// set up a state from one thread, with no other traffic on the balancer meanwhile.
/// Disposing ends the held leases as cancelled; disposing twice does nothing more.
/// </remarks>
public sealed class HeldLoad : IDisposable
{
    private readonly List<Lease> _leases;

    private HeldLoad(List<Lease> leases) => _leases = leases;

    /// <summary>The held leases (the ones still open while this object is not disposed).</summary>
    public IReadOnlyList<Lease> Leases => _leases;

    /// <summary>Holds requests so that backend i has exactly <paramref name="outstanding"/>[i] outstanding.</summary>
    /// <param name="balancer">A balancer with no requests outstanding (and no ejected backends).</param>
    /// <param name="outstanding">The target per backend, one entry per backend, each 0 or more.</param>
    /// <returns>The held state; dispose it to release the requests.</returns>
    /// <exception cref="ArgumentException">The number of targets does not match the backends, or requests are already outstanding.</exception>
    /// <exception cref="InvalidOperationException">The policy never sent requests to some backend, so the state cannot be reached.</exception>
    public static HeldLoad Hold(Balancer balancer, params int[] outstanding)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(outstanding);
        if (outstanding.Length != balancer.Count)
        {
            throw new ArgumentException($"Give one target per backend: the balancer has {balancer.Count} backends, the list has {outstanding.Length}.", nameof(outstanding));
        }

        foreach (int target in outstanding)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(outstanding));
        }

        if (balancer.Snapshot().Any(s => s.Outstanding != 0))
        {
            throw new ArgumentException("The balancer already has requests outstanding; hold loads on an idle balancer.", nameof(balancer));
        }

        int fill = outstanding.Max();
        var counts = new int[balancer.Count];
        var leases = new List<Lease>();
        long budget = 1_000L * Math.Max(fill, 1) * balancer.Count;

        // Fill to the largest target everywhere; any policy that can reach every backend gets there.
        while (counts.Any(c => c < fill))
        {
            if (leases.Count >= budget)
            {
                int starved = Array.FindIndex(counts, c => c < fill);
                leases.ForEach(l => l.Dispose());
                throw new InvalidOperationException($"After {leases.Count:N0} picks '{balancer.Name}' had sent only {counts[starved]} requests to {balancer.Backends[starved].Name}; the state cannot be reached.");
            }

            var lease = balancer.Pick();
            counts[lease.Index]++;
            leases.Add(lease);
        }

        // Then end the surplus, newest first, until every backend is at its target.
        for (int k = leases.Count - 1; k >= 0; k--)
        {
            var lease = leases[k];
            if (counts[lease.Index] > outstanding[lease.Index])
            {
                counts[lease.Index]--;
                lease.Complete(success: true);
                leases.RemoveAt(k);
            }
        }

        return new HeldLoad(leases);
    }

    /// <summary>Ends every held lease (as cancelled).</summary>
    public void Dispose()
    {
        foreach (var lease in _leases)
        {
            lease.Dispose();
        }

        _leases.Clear();
    }

    /// <inheritdoc />
    public override string ToString() => $"{_leases.Count} requests held";
}
