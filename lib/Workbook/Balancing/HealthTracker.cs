namespace Workbook.Balancing;

/// <summary>
/// The passive-ejection state machine behind <see cref="EjectionOptions"/>:
/// Healthy -(K failures in a row)-> Ejected -(period over)-> HalfOpen -(picked)-> Probing
/// -(trial succeeds)-> Healthy, or -(trial fails)-> Ejected again.
/// </summary>
/// <remarks>
/// Thread-safety: transitions happen under one lock; the hot path (every backend healthy, a
/// success on a backend with no failure streak) only does volatile reads, so a healthy farm
/// pays almost nothing. Ejection periods are measured with the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class HealthTracker
{
    private readonly Backend[] _backends;
    private readonly EjectionOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly int[] _state;
    private readonly int[] _failures;
    private readonly DateTimeOffset[] _ejectedUntil;
    private int _notHealthy;
    private long _earliestReturnTicks = long.MaxValue; // UTC ticks, a long so it can be read without the lock

    public HealthTracker(Backend[] backends, EjectionOptions options, TimeProvider time)
    {
        _backends = backends;
        _options = options;
        _time = time;
        _state = new int[backends.Length];
        _failures = new int[backends.Length];
        _ejectedUntil = new DateTimeOffset[backends.Length];
    }

    /// <summary>True while no backend is ejected or on trial: policies can skip availability checks.</summary>
    public bool AllHealthy => Volatile.Read(ref _notHealthy) == 0;

    public BackendHealth StateOf(int index) => (BackendHealth)Volatile.Read(ref _state[index]);

    /// <summary>Healthy and half-open backends may be chosen; ejected and probing ones may not.</summary>
    public bool IsAvailable(int index)
    {
        var state = StateOf(index);
        return state is BackendHealth.Healthy or BackendHealth.HalfOpen;
    }

    /// <summary>Moves ejected backends whose period has ended to half-open. Cheap unless one is due.</summary>
    public void Refresh()
    {
        if (AllHealthy)
        {
            return;
        }

        var now = _time.GetUtcNow();

        // Checked before taking the lock so that picks during an outage do not all queue on it.
        if (now.UtcTicks < Volatile.Read(ref _earliestReturnTicks))
        {
            return;
        }

        lock (_gate)
        {
            var earliest = DateTimeOffset.MaxValue;
            for (int i = 0; i < _state.Length; i++)
            {
                if (_state[i] != (int)BackendHealth.Ejected)
                {
                    continue;
                }

                if (_ejectedUntil[i] <= now)
                {
                    Volatile.Write(ref _state[i], (int)BackendHealth.HalfOpen);
                }
                else if (_ejectedUntil[i] < earliest)
                {
                    earliest = _ejectedUntil[i];
                }
            }

            Volatile.Write(ref _earliestReturnTicks, earliest.UtcTicks);
        }
    }

    /// <summary>Claims a chosen backend for one request; for a half-open one, claims its single trial.</summary>
    /// <param name="index">The chosen backend.</param>
    /// <param name="isTrial">Set when this request is the backend's trial.</param>
    /// <returns>False when the backend became unavailable since it was chosen (the caller chooses again).</returns>
    public bool TryAdmit(int index, out bool isTrial)
    {
        isTrial = false;
        var state = StateOf(index);
        if (state == BackendHealth.Healthy)
        {
            return true;
        }

        if (state != BackendHealth.HalfOpen)
        {
            return false;
        }

        // Two threads may both see HalfOpen; the compare-exchange lets exactly one of them run the trial.
        isTrial = Interlocked.CompareExchange(ref _state[index], (int)BackendHealth.Probing, (int)BackendHealth.HalfOpen) == (int)BackendHealth.HalfOpen;
        return isTrial;
    }

    /// <summary>Feeds one finished request into the state machine.</summary>
    public void Record(int index, RequestOutcome outcome, bool wasTrial)
    {
        if (!wasTrial && outcome == RequestOutcome.Success && Volatile.Read(ref _failures[index]) == 0)
        {
            return; // the common case: nothing to reset, nothing to count
        }

        lock (_gate)
        {
            if (wasTrial)
            {
                switch (outcome)
                {
                    case RequestOutcome.Success:
                        _failures[index] = 0;
                        Volatile.Write(ref _state[index], (int)BackendHealth.Healthy);
                        _notHealthy--;
                        break;
                    case RequestOutcome.Failure:
                        EjectLocked(index);
                        break;
                    default:
                        // A cancelled trial proves nothing: offer the trial to the next request.
                        Volatile.Write(ref _state[index], (int)BackendHealth.HalfOpen);
                        break;
                }

                return;
            }

            // Outcomes of requests started before an ejection do not move an ejected backend.
            if (_state[index] != (int)BackendHealth.Healthy || outcome == RequestOutcome.Cancelled)
            {
                return;
            }

            if (outcome == RequestOutcome.Success)
            {
                _failures[index] = 0;
                return;
            }

            if (++_failures[index] >= _options.ConsecutiveFailures)
            {
                _notHealthy++;
                EjectLocked(index);
            }
        }
    }

    /// <summary>Builds the fail-fast exception describing every unavailable backend.</summary>
    public NoHealthyBackendException NoneAvailable()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var names = new string[_backends.Length];
            var details = new string[_backends.Length];
            DateTimeOffset? next = null;
            for (int i = 0; i < _backends.Length; i++)
            {
                names[i] = _backends[i].Name;
                var state = (BackendHealth)_state[i];
                if (state == BackendHealth.Ejected)
                {
                    details[i] = $"{names[i]} ejected until {_ejectedUntil[i].UtcDateTime:HH:mm:ss.fff}Z";
                    if (next is null || _ejectedUntil[i] < next)
                    {
                        next = _ejectedUntil[i];
                    }
                }
                else
                {
                    details[i] = $"{names[i]} {state.ToString().ToLowerInvariant()}";
                }
            }

            return new NoHealthyBackendException(names, next, now, string.Join(", ", details));
        }
    }

    private void EjectLocked(int index)
    {
        var until = _time.GetUtcNow() + _options.Duration;
        _ejectedUntil[index] = until;
        _failures[index] = 0;
        Volatile.Write(ref _state[index], (int)BackendHealth.Ejected);
        if (until.UtcTicks < _earliestReturnTicks)
        {
            Volatile.Write(ref _earliestReturnTicks, until.UtcTicks);
        }
    }
}
