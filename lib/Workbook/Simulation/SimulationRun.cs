using System.Diagnostics;
using Workbook.Balancing;

namespace Workbook.Simulation;

/// <summary>
/// One execution of a <see cref="Scenario"/>: the event loop and its bookkeeping. Arrivals come
/// from a single pending "next arrival"; departures live in a binary heap keyed by virtual time.
/// </summary>
/// <remarks>
/// Hot-path rules: per-server state in arrays indexed by server, jobs and events as structs,
/// no LINQ and no allocation per event except the policy's lease. Each request's work is drawn
/// at arrival from the scenario's random stream (and divided by the chosen server's speed), so
/// every policy sees the same arrivals and the same work: comparisons use common random numbers.
/// </remarks>
internal sealed class SimulationRun
{
    private readonly Scenario _scenario;
    private readonly IBalancer _balancer;
    private readonly VirtualClock _clock;
    private readonly Random _random;
    private readonly int _servers;
    private readonly int _slots;
    private readonly double[] _speed;
    private readonly int[] _inSystem;
    private readonly int[] _busy;
    private readonly long[] _assigned;
    private readonly RingQueue<Job>[] _waiting;
    private readonly PriorityQueue<Departure, double> _departures;
    private readonly float[] _timesInSystem;
    private readonly int[]? _staleView;
    private readonly List<QueueSample> _queueSamples = [];
    private readonly double[] _serverTimeSum;
    private readonly long[] _serverMeasured;
    private readonly bool _exponential;
    private readonly double _refreshEvery;
    private readonly double _sampleEvery;
    private readonly int _maxSamples;
    private int _measured;
    private double _sumTimeInSystem;
    private double _maxTimeInSystem;
    private long _totalInSystem;
    private int _longestQueue;
    private bool _measuring;
    private double _measureStart;
    private double _lastAreaTime;
    private double _area;
    private double _nextRefresh;
    private double _nextSample;

    public SimulationRun(Scenario scenario, IBalancer balancer, VirtualClock clock)
    {
        _scenario = scenario;
        _balancer = balancer;
        _clock = clock;
        _random = new Random(scenario.Seed);
        _servers = scenario.ServerCount;
        _slots = scenario.SlotsPerServer;
        _speed = new double[_servers];
        for (int i = 0; i < _servers; i++)
        {
            _speed[i] = scenario.Speeds?[i] ?? 1.0;
        }

        _inSystem = new int[_servers];
        _busy = new int[_servers];
        _assigned = new long[_servers];
        _waiting = new RingQueue<Job>[_servers];
        for (int i = 0; i < _servers; i++)
        {
            _waiting[i] = new RingQueue<Job>();
        }

        _departures = new PriorityQueue<Departure, double>(_servers * _slots);
        long warmUp = (long)(scenario.Requests * scenario.WarmUpFraction);
        _timesInSystem = new float[scenario.Requests - warmUp];
        _staleView = scenario.RefreshInterval is null ? null : new int[_servers];
        _serverTimeSum = new double[_servers];
        _serverMeasured = new long[_servers];

        // Copied into fields so the per-event code does not go through the record's properties.
        _exponential = scenario.Service == ServiceTime.Exponential;
        _refreshEvery = scenario.RefreshInterval ?? double.PositiveInfinity;
        _sampleEvery = scenario.SampleInterval ?? double.PositiveInfinity;
        _maxSamples = scenario.SampleInterval is null ? 0 : scenario.MaxSamples;
    }

    public SimulationResult Execute()
    {
        var stopwatch = Stopwatch.StartNew();
        double capacity = 0;
        foreach (var speed in _speed)
        {
            capacity += speed * _slots;
        }

        var arrivals = _scenario.Arrivals.Start(_scenario.Load * capacity, _random);
        long total = _scenario.Requests;
        long warmUp = total - _timesInSystem.Length;
        long arrived = 0;
        double nextArrival = 0;
        int batch = arrivals.Next(ref nextArrival);
        double now = 0;

        var stale = _balancer as Balancer;
        stale?.UseLoadView(_staleView);
        try
        {
            while (arrived < total || _departures.Count > 0)
            {
                _departures.TryPeek(out _, out double nextDeparture);
                bool arrivalFirst = arrived < total && (_departures.Count == 0 || nextArrival <= nextDeparture);
                now = arrivalFirst ? nextArrival : nextDeparture;
                BeforeEvent(now);

                if (arrivalFirst)
                {
                    long count = Math.Min(batch, total - arrived);
                    for (long i = 0; i < count; i++)
                    {
                        Dispatch(now, measured: arrived >= warmUp);
                        arrived++;
                    }

                    batch = arrivals.Next(ref nextArrival);
                }
                else
                {
                    Depart(_departures.Dequeue(), now);
                }
            }
        }
        finally
        {
            stale?.UseLoadView(null);
        }

        double window = now - _measureStart;
        var summary = LatencySummary.FromBuffer(_timesInSystem, _measured, _sumTimeInSystem, _maxTimeInSystem);
        var perServer = new double[_servers];
        for (int i = 0; i < _servers; i++)
        {
            perServer[i] = _serverMeasured[i] == 0 ? double.NaN : _serverTimeSum[i] / _serverMeasured[i];
        }

        return new SimulationResult(
            _balancer.Name,
            _scenario,
            total,
            summary,
            MeanInSystem: window > 0 ? _area / window : 0,
            Throughput: window > 0 ? _measured / window : 0,
            VirtualSeconds: now,
            _longestQueue,
            _assigned,
            perServer,
            _queueSamples,
            stopwatch.Elapsed);
    }

    private void BeforeEvent(double now)
    {
        if (_measuring)
        {
            // Little's law's L: integrate "requests in the farm" over time between events.
            _area += _totalInSystem * (now - _lastAreaTime);
            _lastAreaTime = now;
        }

        if (_staleView is not null && now >= _nextRefresh)
        {
            // Nothing changes between events, so the state just before this event is the state at the refresh instant.
            Array.Copy(_inSystem, _staleView, _servers);
            _nextRefresh = (Math.Floor(now / _refreshEvery) + 1) * _refreshEvery;
        }

        while (_nextSample <= now && _queueSamples.Count < _maxSamples)
        {
            _queueSamples.Add(new QueueSample(_nextSample, (int[])_inSystem.Clone()));
            _nextSample += _sampleEvery;
        }

        _clock.AdvanceTo(now);
    }

    private void Dispatch(double now, bool measured)
    {
        double work = _exponential ? -Math.Log(1.0 - _random.NextDouble()) : 1.0;
        var lease = _balancer.Pick();
        int server = lease.Index;
        if ((uint)server >= (uint)_servers)
        {
            throw new InvalidOperationException($"Policy '{_balancer.Name}' returned backend index {server}, outside 0..{_servers - 1}.");
        }

        if (measured && !_measuring)
        {
            _measuring = true;
            _measureStart = now;
            _lastAreaTime = now;
        }

        _assigned[server]++;
        _totalInSystem++;
        int length = ++_inSystem[server];
        if (length > _longestQueue)
        {
            _longestQueue = length;
        }

        var job = new Job(now, work, lease, measured);
        if (_busy[server] < _slots)
        {
            _busy[server]++;
            _departures.Enqueue(new Departure(server, job), now + (work / _speed[server]));
        }
        else
        {
            _waiting[server].Enqueue(job);
        }
    }

    private void Depart(Departure departure, double now)
    {
        int server = departure.Server;
        var job = departure.Job;
        double timeInSystem = now - job.Arrival;
        if (job.Measured)
        {
            _timesInSystem[_measured++] = (float)timeInSystem;
            _sumTimeInSystem += timeInSystem;
            _serverTimeSum[server] += timeInSystem;
            _serverMeasured[server]++;
            if (timeInSystem > _maxTimeInSystem)
            {
                _maxTimeInSystem = timeInSystem;
            }
        }

        job.Lease.Complete(RequestOutcome.Success, TimeSpan.FromTicks((long)(timeInSystem * TimeSpan.TicksPerSecond)));
        _inSystem[server]--;
        _totalInSystem--;

        if (_waiting[server].TryDequeue(out var next))
        {
            _departures.Enqueue(new Departure(server, next), now + (next.Work / _speed[server]));
        }
        else
        {
            _busy[server]--;
        }
    }

    private readonly record struct Job(double Arrival, double Work, Lease Lease, bool Measured);

    private readonly record struct Departure(int Server, Job Job);
}
