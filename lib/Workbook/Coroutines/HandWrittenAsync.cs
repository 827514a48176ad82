using System.Runtime.CompilerServices;

namespace Workbook.Coroutines;

/// <summary>
/// By hand, what the C# compiler generates for this small async method:
/// <code>
/// async Task&lt;int&gt; AddLaterAsync(int a, int b, TimeSpan delay)
/// {
///     await Task.Delay(delay);
///     return a + b;
/// }
/// </code>
/// The method body becomes <c>MoveNext</c> of a state machine. Each <c>await</c> that is not finished
/// yet stores the state number, hands <c>MoveNext</c> to the awaiter as its continuation, and returns;
/// when the awaited task completes, <c>MoveNext</c> runs again and jumps to where it left off.
/// </summary>
/// <remarks>Stateless; may be called from any thread. Each call has its own state machine.</remarks>
public static class HandWrittenAsync
{
    /// <summary>Waits <paramref name="delay"/>, then returns <paramref name="a"/> + <paramref name="b"/>, narrating every <c>MoveNext</c>.</summary>
    /// <param name="a">The first number.</param>
    /// <param name="b">The second number.</param>
    /// <param name="delay">How long to wait; <see cref="TimeSpan.Zero"/> finishes without ever suspending.</param>
    /// <param name="log">Receives one line per event (e.g. <c>Console.WriteLine</c>); null for silence.</param>
    /// <returns>The sum, once the delay has passed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static Task<int> AddLaterAsync(int a, int b, TimeSpan delay, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var machine = new AddLaterStateMachine
        {
            A = a,
            B = b,
            Delay = delay,
            Log = log,
            State = -1,
            Builder = AsyncTaskMethodBuilder<int>.Create(),
        };

        // Start runs the first MoveNext right here, on the caller's thread, up to the first unfinished await.
        machine.Builder.Start(ref machine);
        return machine.Builder.Task;
    }

    private struct AddLaterStateMachine : IAsyncStateMachine
    {
        public int A;
        public int B;
        public TimeSpan Delay;
        public Action<string>? Log;
        public int State;
        public AsyncTaskMethodBuilder<int> Builder;
        private TaskAwaiter _awaiter;

        public void MoveNext()
        {
            int result;
            try
            {
                TaskAwaiter awaiter;
                if (State == -1)
                {
                    Log?.Invoke($"MoveNext (state -1, thread {Environment.CurrentManagedThreadId}): run the code before the await, call Task.Delay, get its awaiter");
                    awaiter = Task.Delay(Delay).GetAwaiter();
                    if (!awaiter.IsCompleted)
                    {
                        // Remember where to resume, then ask to be called back. 'return' gives the
                        // thread back to the caller, who receives the still-unfinished Task.
                        State = 0;
                        _awaiter = awaiter;
                        Log?.Invoke("  the delay is not over: state = 0, register MoveNext as the continuation, return to the caller");
                        Builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
                        return;
                    }

                    Log?.Invoke("  the delay is already over: carry on without suspending");
                }
                else
                {
                    Log?.Invoke($"MoveNext (state 0, thread {Environment.CurrentManagedThreadId}): resumed by the awaiter; continue after the await");
                    awaiter = _awaiter;
                    _awaiter = default;
                    State = -1;
                }

                // GetResult rethrows the awaited task's exception, if it failed.
                awaiter.GetResult();
                result = A + B;
            }
            catch (Exception error)
            {
                State = -2;
                Builder.SetException(error);
                return;
            }

            State = -2;
            Log?.Invoke($"  return {result}: state = -2 (finished), complete the Task");
            Builder.SetResult(result);
        }

        public void SetStateMachine(IAsyncStateMachine stateMachine) => Builder.SetStateMachine(stateMachine);
    }
}
