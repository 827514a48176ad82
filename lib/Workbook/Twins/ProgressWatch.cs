using System.Globalization;

namespace Workbook.Twins;

/// <summary>
/// Says that a long step is still running: once a step has run for <see cref="Quiet"/> it prints
/// <c>  … cell 31 still running (10 s)</c>, and again every <see cref="Quiet"/> after that, so a
/// terminal never sits silent for long while a demonstration works.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Enter"/> is called by the program's thread while the timer checks on
/// another; both take one lock. After <see cref="Dispose"/> nothing more is printed and
/// <see cref="Enter"/> is ignored.
/// </remarks>
public sealed class ProgressWatch : IDisposable
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private string? _step;
    private long _started;
    private TimeSpan _reported;
    private bool _disposed;

    /// <summary>Starts watching; nothing is printed until a step has been entered and runs long.</summary>
    /// <param name="output">Where the notes go.</param>
    /// <param name="time">The clock (a fake one in tests).</param>
    /// <param name="quiet">How long a step may run silently; 5 seconds by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quiet"/> is not positive.</exception>
    public ProgressWatch(TextWriter output, TimeProvider? time = null, TimeSpan? quiet = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Quiet = quiet ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Quiet, TimeSpan.Zero, nameof(quiet));
        _output = output;
        _time = time ?? TimeProvider.System;
        // Ticking at a fifth of the quiet time keeps a note late by at most that fifth.
        TimeSpan tick = Quiet / 5;
        _timer = _time.CreateTimer(_ => Check(), null, tick, tick);
    }

    /// <summary>How long a step runs before the first note, and the gap between notes.</summary>
    public TimeSpan Quiet { get; }

    /// <summary>Marks the start of a new step, e.g. <c>"cell 31"</c>; the previous one is over.</summary>
    /// <param name="step">What is running, as the note names it.</param>
    public void Enter(string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        lock (_gate)
        {
            _step = step;
            _started = _time.GetTimestamp();
            _reported = TimeSpan.Zero;
        }
    }

    /// <summary>Stops the timer; no note is printed afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _step = null;
        }

        _timer.Dispose();
    }

    private void Check()
    {
        lock (_gate)
        {
            if (_disposed || _step is null)
            {
                return;
            }

            TimeSpan running = _time.GetElapsedTime(_started);
            if (running - _reported < Quiet)
            {
                return;
            }

            // Report whole multiples of Quiet so the notes read 5 s, 10 s, 15 s whatever the tick.
            _reported = Quiet * Math.Floor(running / Quiet);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {_step} still running ({_reported.TotalSeconds:0} s)"));
        }
    }
}
