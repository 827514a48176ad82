namespace Workbook.Measurement;

/// <summary>
/// An open span returned by <see cref="ActivityRecorder.Record"/>: disposing it (the end of the
/// <c>using</c> block) stamps the end time and adds the span to the recorder.
/// </summary>
/// <remarks>
/// Dispose may be called from any thread (an <c>await</c> inside the block may resume elsewhere);
/// only the first call records, later calls do nothing.
/// </remarks>
public sealed class ActivityScope : IDisposable
{
    private readonly ActivityRecorder _recorder;
    private int _disposed;

    internal ActivityScope(ActivityRecorder recorder, string lane, string label, TimeSpan start)
    {
        _recorder = recorder;
        Lane = lane;
        Label = label;
        Start = start;
    }

    /// <summary>The lane the span is recorded in.</summary>
    public string Lane { get; }

    /// <summary>What is running.</summary>
    public string Label { get; }

    /// <summary>When the span started, measured from the recorder's creation.</summary>
    public TimeSpan Start { get; }

    /// <summary>Ends the span now and records it; only the first call has an effect.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _recorder.Add(Lane, Label, Start, _recorder.Elapsed);
        }
    }
}
