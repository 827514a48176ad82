namespace Workbook.Threads;

/// <summary>Ways of running a small work item on another thread (see <see cref="StartCostDemo"/>).</summary>
public enum StartMechanism
{
    /// <summary><c>new Thread(work).Start()</c> and later <c>Join()</c>: a fresh OS thread per item.</summary>
    NewThread,

    /// <summary><c>ThreadPool.QueueUserWorkItem(work)</c>: reuses the pool's threads.</summary>
    ThreadPool,

    /// <summary><c>Task.Run(work)</c>: the pool too, plus a Task object to await or inspect.</summary>
    TaskRun,
}
