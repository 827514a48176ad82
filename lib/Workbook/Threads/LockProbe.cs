namespace Workbook.Threads;

/// <summary>
/// Connects the learner's <c>account.Sync</c> accesses on one check thread to a
/// <see cref="HoldAndWaitRendezvous"/>: the first access means "about to take my first lock",
/// the second means "I hold my first lock and am about to take the second".
/// </summary>
/// <remarks>Per thread (thread-static); inactive, and nearly free, on threads never attached.</remarks>
internal static class LockProbe
{
    [ThreadStatic]
    private static State? t_state;

    /// <summary>Attaches the calling thread to <paramref name="rendezvous"/> as participant <paramref name="slot"/>.</summary>
    public static void Attach(HoldAndWaitRendezvous rendezvous, int slot, CancellationToken cancellationToken)
    {
        rendezvous.Join(slot);
        t_state = new State(rendezvous, slot, cancellationToken);
    }

    /// <summary>Detaches the calling thread and tells the rendezvous it has left.</summary>
    public static void Detach()
    {
        if (t_state is { } state)
        {
            state.Rendezvous.Leave(state.Slot);
            t_state = null;
        }
    }

    /// <summary>Called by <see cref="Account.Sync"/>.</summary>
    public static void OnSyncAccess()
    {
        if (t_state is not { } state)
        {
            return;
        }

        state.Accesses++;
        if (state.Accesses == 1)
        {
            state.Rendezvous.AboutToLock(state.Slot);
        }
        else if (state.Accesses == 2)
        {
            state.Rendezvous.HoldingFirst(state.Slot, state.Cancellation);
        }
    }

    private sealed class State(HoldAndWaitRendezvous rendezvous, int slot, CancellationToken cancellation)
    {
        public HoldAndWaitRendezvous Rendezvous { get; } = rendezvous;

        public int Slot { get; } = slot;

        public CancellationToken Cancellation { get; } = cancellation;

        public int Accesses { get; set; }
    }
}
