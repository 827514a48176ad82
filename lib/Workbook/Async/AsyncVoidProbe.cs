namespace Workbook.Async;

/// <summary>
/// Runs code that calls an <c>async void</c> method under a synchronization context that captures
/// what the method throws, so the notebook can show the exception escaping the caller's try/catch
/// without the exception ending the notebook's process.
/// </summary>
/// <remarks>
/// The call and every continuation of the async void method run on the calling thread, which is
/// blocked until the method completes or the token is cancelled, and at most
/// <see cref="MaxWait"/> in any case. The previous synchronization context is restored afterwards.
/// Safe to call from several threads at once (each call has its own context).
/// </remarks>
public static class AsyncVoidProbe
{
    /// <summary>The longest the probe waits for the method, even with a token that is never cancelled.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="call"/> and waits for the async void work it started.</summary>
    /// <param name="call">Code that calls one or more async void methods, e.g. <c>() => SaveAndForget()</c>.</param>
    /// <param name="cancellationToken">Stops waiting early.</param>
    /// <returns>What the caller saw, and what escaped.</returns>
    public static AsyncVoidReport Run(Action call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var context = new CapturingSynchronizationContext();
        SynchronizationContext? previous = SynchronizationContext.Current;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(MaxWait);
        Exception? caught = null;
        bool finished;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            // Counted as one operation of our own, so the pump cannot stop before the call returns.
            context.OperationStarted();
            try
            {
                call();
            }
            catch (Exception error)
            {
                caught = error;
            }
            finally
            {
                context.OperationCompleted();
            }

            finished = context.Pump(limit.Token);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        return new AsyncVoidReport(caught, context.Captured, finished && context.Outstanding == 0);
    }
}
