using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workbook.Tuning;

/// <summary>
/// An in-process profiler for the runtime's own counters: it listens to the <c>System.Runtime</c>
/// meter (the same numbers <c>dotnet-counters</c> shows) with a <see cref="MeterListener"/> and
/// reads them every <see cref="Interval"/> on a dedicated thread while your workload runs.
/// </summary>
/// <remarks>
/// <para>
/// Start one with <see cref="Start"/>, run the workload, then call <see cref="Stop"/> for the
/// <see cref="RuntimeRecording"/> (or dispose it). The sampler reads on its own thread, not on a
/// timer, because timer callbacks need thread-pool threads, which are exactly what a starved pool
/// lacks: the profiler must keep working while the patient is sick.
/// </para>
/// <para>
/// Bounded: it keeps at most <see cref="Capacity"/> samples and then stops sampling
/// (<see cref="RuntimeRecording.Truncated"/> says so). Thread-safe: <see cref="Mark"/>,
/// <see cref="SampleNow"/> and <see cref="Stop"/> may be called from any thread. After
/// <see cref="Stop"/> or <see cref="Dispose"/> the thread has ended and the listener is detached;
/// <see cref="Mark"/> and <see cref="SampleNow"/> then throw <see cref="ObjectDisposedException"/>.
/// The counters are process-wide: anything else the process does at the same time shows too.
/// </para>
/// </remarks>
public sealed class RuntimeSampler : IDisposable
{
    /// <summary>The name of the runtime's meter (.NET 9 and later).</summary>
    public const string MeterName = "System.Runtime";

    /// <summary>The default number of samples kept.</summary>
    public const int DefaultCapacity = 3_000;

    private static readonly TimeSpan s_joinBound = TimeSpan.FromSeconds(5);
    private readonly object _gate = new();
    private readonly MeterListener _listener = new();
    private readonly List<RuntimeSample> _samples = [];
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Thread _thread;
    private readonly long _start;
    private readonly Readings _now = new();
    private string _phase;
    private bool _truncated;
    private bool _stopped;
    private RuntimeRecording? _recording;

    private RuntimeSampler(TimeSpan interval, int capacity, string phase)
    {
        Interval = interval;
        Capacity = capacity;
        _phase = phase;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _now.Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _now.Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _now.Record(instrument.Name, value, tags));
        _listener.Start();
        _start = Stopwatch.GetTimestamp();
        _thread = new Thread(Loop) { IsBackground = true, Name = "runtime sampler" };
    }

    /// <summary>How often the sampler thread reads the counters.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The most samples kept; sampling stops when it is reached.</summary>
    public int Capacity { get; }

    /// <summary>How many samples have been kept so far.</summary>
    public int SampleCount
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>Starts sampling now (the first sample is taken before this returns).</summary>
    /// <param name="interval">Time between samples; 10 ms to 10 s, 100 ms by default.</param>
    /// <param name="capacity">The most samples to keep; at least 2.</param>
    /// <param name="phase">The label of the first phase (see <see cref="Mark"/>).</param>
    /// <returns>The running sampler; stop or dispose it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> or <paramref name="capacity"/> is out of range.</exception>
    public static RuntimeSampler Start(TimeSpan? interval = null, int capacity = DefaultCapacity, string phase = "")
    {
        TimeSpan every = interval ?? TimeSpan.FromMilliseconds(100);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, TimeSpan.FromMilliseconds(10), nameof(interval));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(every, TimeSpan.FromSeconds(10), nameof(interval));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        ArgumentNullException.ThrowIfNull(phase);
        var sampler = new RuntimeSampler(every, capacity, phase);
        sampler.SampleNow();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Starts a new phase: takes a sample now and labels it, and the samples after it, <paramref name="phase"/>.</summary>
    /// <param name="phase">A short label, e.g. "lock" or "Interlocked".</param>
    /// <exception cref="ObjectDisposedException">The sampler has stopped.</exception>
    public void Mark(string phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _phase = phase;
        }

        SampleNow();
    }

    /// <summary>Reads the counters now, outside the regular interval, and keeps the sample (unless the capacity is reached).</summary>
    /// <returns>The sample.</returns>
    /// <exception cref="ObjectDisposedException">The sampler has stopped.</exception>
    public RuntimeSample SampleNow()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            return TakeLocked();
        }
    }

    /// <summary>Takes a last sample, stops the thread, detaches the listener and returns everything recorded.</summary>
    /// <returns>The recording (the same one on every call).</returns>
    public RuntimeRecording Stop()
    {
        lock (_gate)
        {
            if (_recording is not null)
            {
                return _recording;
            }

            TakeLocked();
            _stopped = true;
            _recording = new RuntimeRecording([.. _samples], Interval, _truncated);
        }

        _stop.Set();
        if (_thread.IsAlive && Thread.CurrentThread != _thread)
        {
            _thread.Join(s_joinBound);
        }

        _listener.Dispose();
        return _recording;
    }

    /// <summary>Stops sampling (like <see cref="Stop"/>, discarding the recording).</summary>
    public void Dispose() => Stop();

    private void Loop()
    {
        while (!_stop.Wait(Interval))
        {
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                TakeLocked();
                if (_truncated)
                {
                    return;
                }
            }
        }
    }

    private RuntimeSample TakeLocked()
    {
        // Observable instruments report only when asked: this calls the callbacks above, on this thread.
        _listener.RecordObservableInstruments();
        var sample = new RuntimeSample(
            Stopwatch.GetElapsedTime(_start),
            _phase,
            _now.Long("dotnet.thread_pool.thread.count"),
            _now.Long("dotnet.thread_pool.queue.length"),
            _now.Long("dotnet.thread_pool.work_item.count"),
            _now.Long("dotnet.monitor.lock_contentions"),
            // The meter counts each collection once, under the oldest generation it collected; the
            // sample reports GC.CollectionCount's inclusive numbers (a gen-2 collection also collects gen 0 and 1).
            _now.Long("dotnet.gc.collections", "gen0") + _now.Long("dotnet.gc.collections", "gen1") + _now.Long("dotnet.gc.collections", "gen2"),
            _now.Long("dotnet.gc.collections", "gen1") + _now.Long("dotnet.gc.collections", "gen2"),
            _now.Long("dotnet.gc.collections", "gen2"),
            _now.Long("dotnet.gc.heap.total_allocated"),
            TimeSpan.FromSeconds(_now.Double("dotnet.process.cpu.time", "user") + _now.Double("dotnet.process.cpu.time", "system")),
            _now.Long("dotnet.process.memory.working_set"));
        if (_samples.Count < Capacity)
        {
            _samples.Add(sample);
        }
        else
        {
            _truncated = true;
        }

        return sample;
    }

    /// <summary>The latest value of each instrument, keyed by name and its one tag value (if any).</summary>
    private sealed class Readings
    {
        private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

        public void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            // The runtime's instruments carry at most one tag (gc.heap.generation, cpu.mode).
            string key = tags.Length == 0 ? name : $"{name}|{tags[0].Value}";
            lock (_values)
            {
                _values[key] = value;
            }
        }

        public long Long(string name, string? tag = null) => (long)Double(name, tag);

        public double Double(string name, string? tag = null)
        {
            lock (_values)
            {
                return _values.GetValueOrDefault(tag is null ? name : $"{name}|{tag}");
            }
        }
    }
}
