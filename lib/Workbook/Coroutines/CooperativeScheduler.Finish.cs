namespace Workbook.Coroutines;

public sealed partial class CooperativeScheduler
{
    /// <summary>Abandons (disposes) every unfinished task and builds the report.</summary>
    private ScheduleReport Finish(ScheduleOutcome outcome, string? stallReason)
    {
        if (!_finished)
        {
            _finished = true;
            foreach (CoTask task in _tasks.Where(t => !t.IsFinished))
            {
                if (task.State == CoTaskState.Sleeping && task.WakeAt < Now)
                {
                    // Due but never chosen: from its wake-up on, it was only waiting for a turn.
                    SetActivity(task, TaskActivity.Ready, task.WakeAt);
                }

                CloseActivity(task, Now);
                task.State = CoTaskState.Abandoned;
                try
                {
                    // Disposing runs the iterator's pending finally blocks: its resources are released.
                    task.Release();
                }
                catch (Exception error)
                {
                    task.Error ??= error;
                }
            }
        }

        var spawnOrder = new Dictionary<string, int>(_tasks.Count, StringComparer.Ordinal);
        foreach (CoTask task in _tasks)
        {
            spawnOrder[task.Name] = task.Id;
        }

        var periods = _periods
            .OrderBy(p => p.Start)
            .ThenBy(p => spawnOrder[p.Task])
            .ToArray();
        return new ScheduleReport(outcome, Now, _steps.ToArray(), periods, _tasks.ToArray(), stallReason);
    }

    /// <summary>Explains why no task can run any more: deadlock cycles, sleepers never woken, ready tasks not chosen.</summary>
    private string DescribeStall(long? wake)
    {
        var reasons = new List<string>();
        var reported = new HashSet<CoTask>();
        foreach (CoTask task in _tasks.Where(t => t.State == CoTaskState.Waiting && !reported.Contains(t)))
        {
            // Follow "waits for" links; coming back to a task already on the path is a deadlock cycle.
            var path = new List<CoTask>();
            CoTask? current = task;
            while (current is { State: CoTaskState.Waiting } && !path.Contains(current))
            {
                path.Add(current);
                current = current.WaitingFor;
            }

            if (current is not null && path.Contains(current))
            {
                var cycle = path.Skip(path.IndexOf(current)).ToList();
                reasons.Add("deadlock: " + string.Join(", ", cycle.Select(t => $"'{t.Name}' waits for '{t.WaitingFor!.Name}'")));
                reported.UnionWith(cycle);
            }
        }

        foreach (CoTask task in _tasks.Where(t => t.State == CoTaskState.Waiting && !reported.Contains(t)))
        {
            reasons.Add($"'{task.Name}' waits for '{task.WaitingFor!.Name}', which can never finish");
        }

        foreach (CoTask task in _tasks.Where(t => t.State == CoTaskState.Sleeping))
        {
            reasons.Add(wake is null
                ? $"'{task.Name}' sleeps until tick {task.WakeAt}, but the policy reports no wake-up (NextWakeUp is null), so it never wakes"
                : $"'{task.Name}' sleeps until tick {task.WakeAt}, but at tick {Now} the policy chose no task although it reports a wake-up at tick {wake}");
        }

        foreach (CoTask task in _tasks.Where(t => t.State == CoTaskState.Ready))
        {
            reasons.Add($"'{task.Name}' is ready, but the policy chose no task at tick {Now}");
        }

        return reasons.Count == 0 ? "no task can run" : "Stalled at tick " + Now + ": " + string.Join("; ", reasons);
    }
}
