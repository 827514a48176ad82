namespace Workbook.Coroutines;

public sealed partial class CooperativeScheduler
{
    private int _unfinished;
    private bool _inStep;
    private bool _finished;

    /// <summary>The tick from which something that happens now counts: during a step, the step's tick is already taken.</summary>
    private long Moment => _inStep ? Now + 1 : Now;

    private ScheduleReport Loop(int maxSteps, CancellationToken cancellationToken)
    {
        int idleJumps = 0;
        while (_unfinished > 0)
        {
            if (_steps.Count + idleJumps >= maxSteps)
            {
                return Finish(ScheduleOutcome.StepLimitReached, null);
            }

            cancellationToken.ThrowIfCancellationRequested();
            CoTask? task = Policy.Next(Now);
            if (task is null)
            {
                long? wake = Policy.NextWakeUp;
                if (wake is not { } at || at <= Now)
                {
                    return Finish(ScheduleOutcome.Stalled, DescribeStall(wake));
                }

                // Nothing may run before the earliest wake-up: skip the idle ticks in one jump.
                Now = at;
                idleJumps++;
                continue;
            }

            Admit(task);
            RunStep(task);
        }

        return Finish(ScheduleOutcome.Completed, null);
    }

    /// <summary>Checks that the policy's choice may run now, and closes its waiting periods.</summary>
    private void Admit(CoTask task)
    {
        string? problem = task switch
        {
            _ when !ReferenceEquals(task.Owner, this) => $"the policy chose '{task.Name}' at tick {Now}, but that task does not belong to this scheduler",
            { State: CoTaskState.Ready } => null,
            { State: CoTaskState.Sleeping } when task.WakeAt <= Now => null,
            { State: CoTaskState.Sleeping } => $"the policy chose '{task.Name}' at tick {Now}, but it sleeps until tick {task.WakeAt}: {task.WakeAt - Now} tick(s) too early",
            { State: CoTaskState.Waiting } => $"the policy chose '{task.Name}' at tick {Now}, but it waits for '{task.WaitingFor?.Name}', which has not finished",
            _ => $"the policy chose '{task.Name}' at tick {Now}, but its state is {task.State}: it was already chosen or has finished (was it queued twice?)",
        };
        if (problem is not null)
        {
            ScheduleReport report = Finish(ScheduleOutcome.Stalled, problem);
            throw new SchedulerPolicyException(problem, report.EndTick, task.Name, report);
        }

        if (task.State == CoTaskState.Sleeping)
        {
            // It was asleep until WakeAt and has been waiting for its turn since.
            SetActivity(task, TaskActivity.Ready, task.WakeAt);
        }
    }

    private void RunStep(CoTask task)
    {
        long tick = Now;
        SetActivity(task, TaskActivity.Running, tick);
        task.State = CoTaskState.Running;
        task.Steps++;
        bool more;
        Instruction? instruction = null;
        Exception? error = null;
        _inStep = true;
        try
        {
            more = task.Step(out instruction);
        }
        catch (Exception thrown)
        {
            more = false;
            error = thrown;
        }
        finally
        {
            _inStep = false;
        }

        Now = tick + 1;
        if (error is not null)
        {
            End(task, CoTaskState.Faulted, error);
        }
        else if (!more)
        {
            End(task, CoTaskState.Completed, null);
        }
        else
        {
            Obey(task, instruction);
        }

        _steps.Add(new ScheduleStep(_steps.Count, tick, task.Name, instruction, task.State));
    }

    /// <summary>Carries out the instruction a task yielded at the end of its step.</summary>
    private void Obey(CoTask task, Instruction? instruction)
    {
        switch (instruction)
        {
            case YieldInstruction:
                MakeReady(task);
                break;
            case SleepInstruction sleep:
                task.State = CoTaskState.Sleeping;
                task.WakeAt = Now + sleep.Ticks;
                SetActivity(task, TaskActivity.Sleeping, Now);
                Policy.Sleep(task, task.WakeAt);
                break;
            case WaitForInstruction { Task: var other } when !ReferenceEquals(other.Owner, this):
                End(task, CoTaskState.Faulted, new InvalidOperationException($"'{task.Name}' waits for '{other.Name}', which belongs to another scheduler."));
                break;
            case WaitForInstruction { Task: var other } when ReferenceEquals(other, task):
                End(task, CoTaskState.Faulted, new InvalidOperationException($"'{task.Name}' waits for itself, which can never end."));
                break;
            case WaitForInstruction { Task: var other } when other.IsFinished:
                MakeReady(task);
                break;
            case WaitForInstruction { Task: var other }:
                task.State = CoTaskState.Waiting;
                task.WaitingFor = other;
                other.Waiters.Add(task);
                SetActivity(task, TaskActivity.Waiting, Now);
                break;
            default:
                End(task, CoTaskState.Faulted, new InvalidOperationException(
                    $"'{task.Name}' yielded {(instruction is null ? "null" : instruction.GetType().Name)}; yield Instruction.Yield, Instruction.Sleep(ticks) or Instruction.WaitFor(task)."));
                break;
        }
    }

    private void MakeReady(CoTask task)
    {
        task.State = CoTaskState.Ready;
        SetActivity(task, TaskActivity.Ready, Moment);
        Policy.Ready(task);
    }

    /// <summary>Ends a task and lets the tasks waiting for it go.</summary>
    private void End(CoTask task, CoTaskState state, Exception? error)
    {
        task.State = state;
        task.Error = error;
        task.FinishedAt = Now;
        _unfinished--;
        CloseActivity(task, Now);
        task.Release();
        foreach (CoTask waiter in task.Waiters)
        {
            waiter.WaitingFor = null;
            MakeReady(waiter);
        }

        task.Waiters.Clear();
    }

    private void SetActivity(CoTask task, TaskActivity activity, long at)
    {
        CloseActivity(task, at);
        task.Activity = activity;
        task.ActivitySince = at;
    }

    private void CloseActivity(CoTask task, long at)
    {
        if (task.Activity is { } current && at > task.ActivitySince)
        {
            _periods.Add(new TaskPeriod(task.Name, current, task.ActivitySince, at));
        }

        task.Activity = null;
    }
}
