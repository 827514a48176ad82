namespace Workbook.Async;

/// <summary>How <see cref="FanOut"/> keeps many waits pending at once.</summary>
public enum FanOutKind
{
    /// <summary>One <c>async</c> method per wait, each awaiting <c>Task.Delay</c>; all joined with <c>Task.WhenAll</c>.</summary>
    Tasks,

    /// <summary>One OS thread per wait, each blocked in <c>Thread.Sleep</c>; all joined with <c>Thread.Join</c>.</summary>
    Threads,
}
