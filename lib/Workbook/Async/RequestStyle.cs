namespace Workbook.Async;

/// <summary>How the simulated requests of <see cref="StarvationDemo"/> wait for their I/O.</summary>
public enum RequestStyle
{
    /// <summary>Sync over async: <c>IoAsync().Wait()</c> on a thread-pool thread, which stays blocked for the whole wait.</summary>
    SyncOverAsync,

    /// <summary>Async all the way: <c>await IoAsync()</c>, which gives the thread back during the wait.</summary>
    Async,
}
