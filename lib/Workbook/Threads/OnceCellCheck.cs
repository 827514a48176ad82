using System.Diagnostics;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.Threads;

/// <summary>
/// The check of exercise 01.4: the factory runs exactly once even when every thread asks at the
/// same moment, and everybody gets the same connection.
/// </summary>
internal static class OnceCellCheck
{
    private const int Rounds = 5;
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(1);

    public static string Verify(Func<IOnceCell> create, CheckContext context)
    {
        IOnceCell single = create();
        int opened = 0;
        Connection Open() => new(Interlocked.Increment(ref opened));
        Connection first = single.GetOrCreate(Open);
        context.Require(first is not null, "GetOrCreate returned null: return the connection that open() created.");
        Connection second = single.GetOrCreate(Open);
        context.Require(
            opened == 1,
            $"two calls on one thread ran the factory {opened} times: keep the connection from the first call and return it from then on.");
        context.Require(ReferenceEquals(first, second), $"the second call returned {second}, not the {first} of the first call.");

        int threads = context.ThreadCount;
        for (int round = 1; round <= Rounds; round++)
        {
            IOnceCell cell = create();
            var race = new Race(threads, context.CancellationToken);
            var results = new Connection?[threads];
            context.RunThreads(threads, t =>
            {
                race.Enter(t);
                results[t] = cell.GetOrCreate(race.Open);
                race.Leave(t);
            });

            context.Require(
                race.Opened == 1,
                $"the factory ran {race.Opened} times when {threads} threads called GetOrCreate at the same moment (round {round}): "
                    + "several threads saw 'not created yet' before the first had finished creating it. "
                    + "Make the check and the creation one step under a lock (and check again inside the lock if you also check outside it).");
            Connection? winner = results[0];
            context.Require(winner is not null, "GetOrCreate returned null to one of the threads.");
            int other = Array.FindIndex(results, r => !ReferenceEquals(r, winner));
            context.Require(other < 0, $"thread 0 got {winner} but thread {other} got {results[Math.Max(other, 0)]?.ToString() ?? "null"}: every caller must get the same connection.");
        }

        return $"{Rounds} rounds of {threads} threads calling GetOrCreate at the same moment, with the factory held open until "
            + "the others had caught up: the factory ran exactly once each time and every thread got the same connection.";
    }

    /// <summary>
    /// A factory that, once called, waits until every other thread has either finished, called the
    /// factory too, or is blocked (waiting for a lock): it holds the race window open as wide as it can go.
    /// </summary>
    private sealed class Race(int threads, CancellationToken cancellation)
    {
        private const int Outside = 0, Inside = 1, InFactory = 2, Done = 3;
        private readonly Thread?[] _threads = new Thread?[threads];
        private readonly int[] _states = new int[threads];
        private int _opened;

        [ThreadStatic]
        private static int t_slot;

        public int Opened => Volatile.Read(ref _opened);

        public void Enter(int slot)
        {
            t_slot = slot;
            _threads[slot] = Thread.CurrentThread;
            Volatile.Write(ref _states[slot], Inside);
        }

        public void Leave(int slot) => Volatile.Write(ref _states[slot], Done);

        public Connection Open()
        {
            int number = Interlocked.Increment(ref _opened);
            int self = t_slot;
            Volatile.Write(ref _states[self], InFactory);
            var clock = Stopwatch.StartNew();
            var spinner = default(SpinWait);
            while (!OthersSettled(self) && clock.Elapsed < s_patience && !cancellation.IsCancellationRequested)
            {
                spinner.SpinOnce(sleep1Threshold: 20);
            }

            Volatile.Write(ref _states[self], Inside);
            return new Connection(number);
        }

        private bool OthersSettled(int self)
        {
            for (int t = 0; t < _states.Length; t++)
            {
                int state = Volatile.Read(ref _states[t]);
                if (t == self || state is InFactory or Done)
                {
                    continue;
                }

                Thread? thread = Volatile.Read(ref _threads[t]);
                bool blocked = state == Inside && thread is not null
                    && (thread.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0;
                if (!blocked)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
