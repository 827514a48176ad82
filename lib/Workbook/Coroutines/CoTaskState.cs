namespace Workbook.Coroutines;

/// <summary>Where a <see cref="CoTask"/> is in its life.</summary>
public enum CoTaskState
{
    /// <summary>May run: it waits in the policy's ready queue for its turn.</summary>
    Ready,

    /// <summary>Running its current step (between two <c>yield return</c>s).</summary>
    Running,

    /// <summary>Asked to sleep; may not run before its wake-up tick.</summary>
    Sleeping,

    /// <summary>Waits for another task to finish.</summary>
    Waiting,

    /// <summary>Its iterator ran to the end.</summary>
    Completed,

    /// <summary>Its iterator threw; see <see cref="CoTask.Error"/>.</summary>
    Faulted,

    /// <summary>The run ended (stalled, step limit, cancellation or policy error) before it finished; its iterator was disposed.</summary>
    Abandoned,
}
