using System.Globalization;
using Workbook.Networking;

namespace Workbook.Balancing.Farm;

/// <summary>
/// One backend of a <see cref="BackendFarm"/>: a <see cref="DemoServer"/> at a fixed address that can be
/// killed and restarted on the same port, with counters that add up across restarts.
/// </summary>
/// <remarks>
/// Thread-safety: every member may be read from any thread while requests are served. Kill and
/// restart are serialised per backend by the farm. A kill closes the port at once and aborts the
/// requests in flight (shutdown timeout zero), like a crashed process; the counters of the dead
/// server stay readable, so <see cref="RequestsSeen"/> still includes what it saw before it died.
/// </remarks>
public sealed class FarmBackend
{
    private readonly List<DemoServer> generations = [];
    private readonly Lock gate = new();
    private DemoServer? current;

    internal FarmBackend(int index, string name, TimeSpan latency, DemoServer first)
    {
        Index = index;
        Name = name;
        Latency = latency;
        Port = first.Port;
        BaseAddress = first.BaseAddress;
        generations.Add(first);
        current = first;
    }

    /// <summary>The backend's position in the farm.</summary>
    public int Index { get; }

    /// <summary>The backend's name, also sent in every response's <c>X-Backend</c> header.</summary>
    public string Name { get; }

    /// <summary>The delay it adds to every request.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Its port on 127.0.0.1; a restart binds the same one.</summary>
    public int Port { get; }

    /// <summary>Its address, e.g. <c>http://127.0.0.1:41234/</c>; stable across restarts.</summary>
    public Uri BaseAddress { get; }

    /// <summary>True while it is listening (false between a kill and a restart).</summary>
    public bool IsRunning
    {
        get
        {
            lock (gate)
            {
                return current is not null;
            }
        }
    }

    /// <summary>How many times it has been started (1 before any restart).</summary>
    public int Starts
    {
        get
        {
            lock (gate)
            {
                return generations.Count;
            }
        }
    }

    /// <summary>Requests it has finished serving, across all its lives (including those a kill aborted).</summary>
    public long RequestsServed => Sum(s => s.Stats.RequestsServed);

    /// <summary>Requests that reached it at all: finished plus still in flight, across all its lives.</summary>
    public long RequestsSeen => Sum(s => s.Stats.RequestsServed + s.Stats.InFlight);

    /// <summary>Requests being handled right now (0 while it is down).</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return current?.Stats.InFlight ?? 0;
            }
        }
    }

    /// <summary>Requests served by its current life only (0 while it is down): "did it serve again after the restart?".</summary>
    public long ServedSinceStart
    {
        get
        {
            lock (gate)
            {
                return current?.Stats.RequestsServed ?? 0;
            }
        }
    }

    /// <summary>E.g. "backend1 at http://127.0.0.1:41234/ (2 ms): up, 1,000 served".</summary>
    /// <returns>The backend as one line.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name} at {BaseAddress} ({Latency.TotalMilliseconds:0.###} ms): {(IsRunning ? "up" : "down")}, {RequestsServed:N0} served");

    /// <summary>Takes the running server away (the caller disposes it); null when it is already down.</summary>
    internal DemoServer? Detach()
    {
        lock (gate)
        {
            var server = current;
            current = null;
            return server;
        }
    }

    /// <summary>Installs a freshly started server as the current life.</summary>
    internal void Attach(DemoServer server)
    {
        lock (gate)
        {
            if (current is not null)
            {
                throw new InvalidOperationException($"{Name} is already running.");
            }

            generations.Add(server);
            current = server;
        }
    }

    /// <summary>Every server this backend has had, for disposal.</summary>
    internal DemoServer[] AllLives()
    {
        lock (gate)
        {
            return generations.ToArray();
        }
    }

    /// <summary>Zeroes the counters of every life, so a new measurement starts from 0.</summary>
    internal void ResetCounts()
    {
        foreach (var server in AllLives())
        {
            server.ResetStats();
        }
    }

    private long Sum(Func<DemoServer, long> counter) => AllLives().Sum(counter);
}
