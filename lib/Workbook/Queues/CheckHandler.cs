using System.Collections.Concurrent;

namespace Workbook.Queues;

/// <summary>
/// The message handler the 06.2 checker gives to a learner's consumer: it counts how often each
/// message was handled and, when told to, "crashes" on its Nth call and stays dead until restarted.
/// </summary>
/// <remarks>Thread-safe: counts are kept in concurrent dictionaries and Interlocked counters.</remarks>
internal sealed class CheckHandler
{
    private readonly ConcurrentDictionary<string, int> completed = new(StringComparer.Ordinal);
    private int calls;
    private int crashAtCall;
    private volatile bool dead;

    /// <summary>The handler to pass to PollAsync.</summary>
    public Func<QueueMessage, Task> Handle => HandleAsync;

    /// <summary>Handler calls so far (including the one that crashed).</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>The id of the message whose handling crashed, or null.</summary>
    public string? CrashedOn { get; private set; }

    /// <summary>Distinct messages whose handling finished.</summary>
    public int CompletedCount => completed.Count;

    /// <summary>The message handled most often, and how often.</summary>
    public (string Id, int Times) MostHandled
    {
        get
        {
            var top = completed.OrderByDescending(kv => kv.Value).FirstOrDefault();
            return (top.Key ?? string.Empty, top.Value);
        }
    }

    /// <summary>Messages whose handling finished more than once (redeliveries).</summary>
    public int HandledTwice => completed.Count(kv => kv.Value > 1);

    /// <summary>True when the handling of <paramref name="id"/> has finished at least once.</summary>
    public bool HasCompleted(string id) => completed.ContainsKey(id);

    /// <summary>Makes the handler crash on its <paramref name="call"/>-th call from now.</summary>
    public void CrashOnCall(int call) => crashAtCall = Calls + call;

    /// <summary>A new consumer process: the handler works again and will not crash.</summary>
    public void Restart()
    {
        crashAtCall = 0;
        dead = false;
    }

    private Task HandleAsync(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var call = Interlocked.Increment(ref calls);
        if (dead)
        {
            // The process is gone: whatever the old consumer tries next fails too.
            throw new SimulatedCrashException($"simulated crash: this consumer already died while handling message {CrashedOn}");
        }

        if (call == crashAtCall)
        {
            dead = true;
            CrashedOn = message.Id;
            throw new SimulatedCrashException($"simulated crash: the consumer process died while handling message {message.Id}");
        }

        completed.AddOrUpdate(message.Id, 1, (_, times) => times + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Thrown by the 06.2 checker's handler to simulate the consumer process dying.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);
