namespace Workbook.Balancing;

/// <summary>
/// Base class of the workbook's policies: it owns the backend list, the outstanding-request
/// counters, lease bookkeeping and optional passive ejection, so a policy only implements
/// <see cref="Choose"/> ("which index next?").
/// </summary>
/// <remarks>
/// <para>Thread-safety: <see cref="Pick"/> and lease completion may run concurrently on any
/// number of threads. Counters are updated with <see cref="Interlocked"/>, so every lease
/// decrements its backend's outstanding count exactly once, whatever the outcome. A policy
/// reads counts that other threads may change a moment later: decisions are made on a
/// near-current view, the counters themselves are exact.</para>
/// <para>With <see cref="EjectionOptions"/> set, backends with a failure streak are skipped
/// until their period ends (measured by the injected <see cref="TimeProvider"/>); when nothing
/// is left, <see cref="Pick"/> throws <see cref="NoHealthyBackendException"/> at once.</para>
/// <para>A balancer holds no resources and is not disposable; abandoned leases only leave
/// their outstanding count raised, which is why <see cref="Lease"/> should sit in a <c>using</c>.</para>
/// </remarks>
public abstract class Balancer : IBalancer
{
    private readonly Backend[] _backends;
    private readonly int[] _outstanding;
    private readonly long[] _picks;
    private readonly long[] _failures;
    private readonly HealthTracker? _health;
    private readonly Action<Lease, RequestOutcome, TimeSpan> _finish;
    private int[] _view;

    /// <summary>Validates the backends and sets up the shared bookkeeping.</summary>
    /// <param name="name">The policy's short name.</param>
    /// <param name="backends">The backends: non-empty, unique names, weights of 1 or more.</param>
    /// <param name="time">Clock for latency and ejection periods; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="ejection">Passive outlier ejection settings; null turns ejection off.</param>
    /// <exception cref="ArgumentException">The list is empty, contains null, or repeats a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A backend's weight is below 1.</exception>
    protected Balancer(string name, IEnumerable<Backend> backends, TimeProvider? time, EjectionOptions? ejection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _backends = BackendList.Validate(backends);
        Time = time ?? TimeProvider.System;
        Ejection = ejection;
        _outstanding = new int[_backends.Length];
        _picks = new long[_backends.Length];
        _failures = new long[_backends.Length];
        _view = _outstanding;
        _health = ejection is null ? null : new HealthTracker(_backends, ejection, Time);
        _finish = Finish; // one delegate for all leases instead of one per pick
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<Backend> Backends => _backends;

    /// <summary>Number of backends.</summary>
    public int Count => _backends.Length;

    /// <summary>The ejection settings, or null when ejection is off.</summary>
    public EjectionOptions? Ejection { get; }

    /// <summary>The clock used for latency and ejection periods.</summary>
    protected TimeProvider Time { get; }

    // Backends the current thread's pick must avoid (bit i = backend i), set only inside PickExcluding.
    // Thread-static because Choose runs synchronously on the picking thread: other threads' picks are unaffected.
    [ThreadStatic]
    private static ulong t_excluded;

    /// <summary>True when every backend may be chosen (no ejections, no exclusions): policies take their fast path.</summary>
    protected bool AllAvailable => t_excluded == 0 && (_health is null || _health.AllHealthy);

    /// <inheritdoc />
    public Lease Pick()
    {
        var health = _health;
        if (health is null)
        {
            return Start(Checked(Choose()), isTrial: false);
        }

        health.Refresh();

        // A chosen backend can be ejected, or lose its half-open trial to another thread, between
        // Choose and TryAdmit; choosing again is correct and the bound stops a livelock.
        for (int attempt = 0; attempt < 2 * _backends.Length + 4; attempt++)
        {
            int index = Choose();
            if (index < 0)
            {
                // A policy that counts available backends and then walks them can see a half-open backend
                // start its trial in between and find nothing: that is a race, not "none healthy", so choose again.
                continue;
            }

            if (health.TryAdmit(Checked(index), out bool isTrial))
            {
                return Start(index, isTrial);
            }
        }

        throw health.NoneAvailable();
    }

    /// <summary>
    /// Like <see cref="Pick"/>, but never chooses a backend whose bit is set in <paramref name="excluded"/>
    /// (bit i = backend i, for the first 64 backends): how a proxy retries a request on a <em>different</em>
    /// backend. The policy decides among the others exactly as it would if the excluded ones were ejected.
    /// </summary>
    /// <param name="excluded">Backends to avoid, as a bit mask; 0 is a plain <see cref="Pick"/>.</param>
    /// <returns>The lease, or null when every backend that is not excluded is unavailable.</returns>
    internal Lease? PickExcluding(ulong excluded)
    {
        if (excluded == 0)
        {
            return Pick();
        }

        t_excluded = excluded;
        try
        {
            var health = _health;
            health?.Refresh();
            for (int attempt = 0; attempt < 2 * _backends.Length + 4; attempt++)
            {
                int index = Choose();
                if (index < 0)
                {
                    continue; // as in Pick: possibly a race with a trial starting; the bound ends a real "nothing left"
                }

                if (index < 64 && ((excluded >> index) & 1) != 0)
                {
                    return null; // a well-behaved policy never returns an excluded index
                }

                bool isTrial = false;
                if (health is null || health.TryAdmit(Checked(index), out isTrial))
                {
                    return Start(Checked(index), isTrial);
                }
            }

            return null;
        }
        finally
        {
            t_excluded = 0;
        }
    }

    /// <summary>A snapshot of every backend's health, outstanding requests, picks and failures.</summary>
    /// <returns>One status per backend, in index order.</returns>
    public IReadOnlyList<BackendStatus> Snapshot()
    {
        var result = new BackendStatus[_backends.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new BackendStatus(
                _backends[i],
                HealthOf(i),
                Volatile.Read(ref _outstanding[i]),
                Interlocked.Read(ref _picks[i]),
                Interlocked.Read(ref _failures[i]));
        }

        return result;
    }

    /// <summary>The ejection state of backend <paramref name="index"/>.</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>Its state; <see cref="BackendHealth.Healthy"/> when ejection is off.</returns>
    public BackendHealth HealthOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _backends.Length);
        _health?.Refresh();
        return _health?.StateOf(index) ?? BackendHealth.Healthy;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} over {_backends.Length} backend{(_backends.Length == 1 ? string.Empty : "s")}";

    /// <summary>The policy: returns the index of the backend for the next request, or -1 if none is available.</summary>
    /// <returns>An index for which <see cref="IsAvailable"/> held, or -1.</returns>
    /// <remarks>Called concurrently from many threads; guard any mutable decision state.</remarks>
    protected abstract int Choose();

    /// <summary>Requests outstanding on backend <paramref name="index"/> as the policy should see them.</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>The live count, or the simulator's stale snapshot when one is installed.</returns>
    protected int Outstanding(int index) => Volatile.Read(ref _view[index]);

    /// <summary>Whether backend <paramref name="index"/> may receive a request now (not ejected, not mid-trial).</summary>
    /// <param name="index">A backend index.</param>
    /// <returns>True when it may be chosen.</returns>
    protected bool IsAvailable(int index) =>
        !(index < 64 && ((t_excluded >> index) & 1) != 0) && (_health is null || _health.IsAvailable(index));

    /// <summary>Called once per ended lease, after the counters are updated; override to learn latency.</summary>
    /// <param name="index">The backend's index.</param>
    /// <param name="outcome">How the request ended.</param>
    /// <param name="latency">The request's latency.</param>
    protected virtual void OnCompleted(int index, RequestOutcome outcome, TimeSpan latency)
    {
    }

    /// <summary>
    /// Chooses uniformly among available backends other than <paramref name="exclude"/>; O(1)
    /// when all are available, one O(n) pass otherwise. The caller must serialise use of <paramref name="random"/>.
    /// </summary>
    /// <param name="random">The random source.</param>
    /// <param name="exclude">An index that must not be returned, or -1.</param>
    /// <returns>An available index, or -1 if there is none.</returns>
    protected int RandomAvailable(Random random, int exclude = -1)
    {
        ArgumentNullException.ThrowIfNull(random);
        int n = _backends.Length;
        if (AllAvailable)
        {
            int candidates = exclude >= 0 ? n - 1 : n;
            if (candidates == 0)
            {
                return -1;
            }

            // Drawing from n-1 values and stepping over 'exclude' keeps the choice uniform and distinct.
            int k = random.Next(candidates);
            return exclude >= 0 && k >= exclude ? k + 1 : k;
        }

        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (i != exclude && IsAvailable(i))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return -1;
        }

        int target = random.Next(count);
        for (int i = 0; i < n; i++)
        {
            if (i != exclude && IsAvailable(i) && target-- == 0)
            {
                return i;
            }
        }

        return -1; // only reachable if availability changed mid-scan; Pick will choose again
    }

    /// <summary>Lets the simulator show the policy a stale copy of the load (null restores the live counters).</summary>
    internal void UseLoadView(int[]? view)
    {
        if (view is not null && view.Length != _backends.Length)
        {
            throw new ArgumentException($"The load view has {view.Length} entries but there are {_backends.Length} backends.", nameof(view));
        }

        _view = view ?? _outstanding;
    }

    private int Checked(int index)
    {
        if ((uint)index >= (uint)_backends.Length)
        {
            throw new InvalidOperationException($"Policy '{Name}' chose index {index}, outside 0..{_backends.Length - 1}.");
        }

        return index;
    }

    private Lease Start(int index, bool isTrial)
    {
        Interlocked.Increment(ref _outstanding[index]);
        Interlocked.Increment(ref _picks[index]);
        return new Lease(_backends[index], index, _finish, Time, isTrial);
    }

    private void Finish(Lease lease, RequestOutcome outcome, TimeSpan latency)
    {
        int index = lease.Index;
        Interlocked.Decrement(ref _outstanding[index]);
        if (outcome == RequestOutcome.Failure)
        {
            Interlocked.Increment(ref _failures[index]);
        }

        _health?.Record(index, outcome, lease.IsTrial);
        OnCompleted(index, outcome, latency);
    }
}
