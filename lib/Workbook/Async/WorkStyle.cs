namespace Workbook.Async;

/// <summary>How <see cref="WorkKinds"/> runs a batch of operations.</summary>
public enum WorkStyle
{
    /// <summary><c>foreach (...) await Operation();</c>: each starts when the previous one has finished.</summary>
    OneAfterAnother,

    /// <summary><c>await Task.WhenAll(items.Select(_ => Operation()))</c>: all started at once, no extra threads asked for.</summary>
    WhenAll,

    /// <summary><c>await Task.WhenAll(items.Select(_ => Task.Run(Operation)))</c>: each on a thread-pool thread.</summary>
    TaskRunWhenAll,
}
