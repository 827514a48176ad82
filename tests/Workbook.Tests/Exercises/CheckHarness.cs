using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

/// <summary>
/// A runner wired to a private temporary progress file and a captured output, with every check
/// bounded so a broken checker fails the test instead of hanging it.
/// </summary>
internal sealed class CheckHarness : IDisposable
{
    private readonly StringWriter _output = new();

    public CheckHarness(TimeSpan? timeout = null, IReadOnlyList<Exercise>? exercises = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "workbook-check-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Notices = [];
        Store = new ProgressStore(Path.Combine(Directory, "progress.json"), notice: message => { lock (Notices) { Notices.Add(message); } });
        Runner = new ExerciseRunner(new ExerciseRunnerOptions
        {
            // Generous by default: the machine is a shared 2-core box; correctness, not speed, is tested.
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
            Progress = Store,
            Output = TextWriter.Synchronized(_output),
            Exercises = exercises,
        });
    }

    public string Directory { get; }

    public ProgressStore Store { get; }

    public ExerciseRunner Runner { get; }

    public List<string> Notices { get; }

    public string Output => _output.ToString();

    public CheckResult Check<T>(string id, Func<T> create)
    {
        Task<CheckResult> run = Task.Run(() => Runner.Check(id, create));
        TimeSpan bound = Runner.Timeout + TimeSpan.FromSeconds(30);
        return run.Wait(bound) ? run.Result : throw new TimeoutException($"Check {id} itself did not return within {bound}.");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A background thread of an abandoned check may still hold a file; the temp folder is harmless.
        }
    }
}
