using Microsoft.Extensions.Time.Testing;
using Workbook.Exercises;

namespace Workbook.Tests.Exercises;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "workbook-progress-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _notices = [];

    public ProgressStoreTests() => Directory.CreateDirectory(_directory);

    private string FilePath => Path.Combine(_directory, "progress.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ProgressStore NewStore(TimeProvider? time = null) =>
        new(FilePath, time, message => { lock (_notices) { _notices.Add(message); } });

    [Fact]
    public void Load_NoFileYet_Empty()
    {
        Assert.Empty(NewStore().Load());
        Assert.Equal(0, NewStore().Get("01.1").Attempts);
    }

    [Fact]
    public void Record_ThenReloadWithNewStore_SameCounts()
    {
        ProgressStore store = NewStore();
        store.Record("01.1", CheckOutcome.Failed);
        store.Record("01.1", CheckOutcome.Passed);
        store.Record("01.2", CheckOutcome.NotAttempted);

        IReadOnlyDictionary<string, ExerciseProgress> loaded = NewStore().Load();

        Assert.Equal((2, 1, 1, 0), (loaded["01.1"].Attempts, loaded["01.1"].Passes, loaded["01.1"].Failures, loaded["01.1"].NotAttempted));
        Assert.True(loaded["01.1"].Passed);
        Assert.Equal((1, 0, 1), (loaded["01.2"].Attempts, loaded["01.2"].Passes, loaded["01.2"].NotAttempted));
        Assert.False(loaded["01.2"].Passed);
    }

    [Fact]
    public void Record_PassesAtDifferentTimes_KeepsFirstAndLastPassed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        ProgressStore store = NewStore(time);
        store.Record("01.1", CheckOutcome.Passed);
        time.Advance(TimeSpan.FromHours(2));
        store.Record("01.1", CheckOutcome.Failed);
        time.Advance(TimeSpan.FromHours(1));
        store.Record("01.1", CheckOutcome.Passed);

        ExerciseProgress progress = NewStore().Get("01.1");

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), progress.FirstPassed);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), progress.LastPassed);
        Assert.Equal(progress.LastPassed, progress.LastAttempt);
        Assert.Equal(2, progress.Passes);
    }

    [Fact]
    public async Task Record_FromEightThreadsThroughTwoStores_LosesNothing()
    {
        const int threads = 8, recordsPerThread = 25;
        ProgressStore[] stores = [NewStore(), NewStore()];
        using var start = new Barrier(threads);
        Task[] tasks = [.. Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                for (int i = 0; i < recordsPerThread; i++)
                {
                    stores[t % 2].Record(t % 2 == 0 ? "01.1" : "01.2", i % 5 == 0 ? CheckOutcome.Passed : CheckOutcome.Failed);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default))];

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        IReadOnlyDictionary<string, ExerciseProgress> loaded = NewStore().Load();
        foreach (string id in new[] { "01.1", "01.2" })
        {
            Assert.Equal(threads / 2 * recordsPerThread, loaded[id].Attempts);
            Assert.Equal(threads / 2 * (recordsPerThread / 5), loaded[id].Passes);
            Assert.Equal(loaded[id].Attempts - loaded[id].Passes, loaded[id].Failures);
        }

        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("""{ "version": 99, "exercises": {} }""")]
    public void Record_CorruptFile_BackedUpWithNoticeAndStartsFresh(string corrupt)
    {
        File.WriteAllText(FilePath, corrupt);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero));

        NewStore(time).Record("01.1", CheckOutcome.Passed);

        string backup = Assert.Single(Directory.GetFiles(_directory, "progress.json.bad-*"));
        Assert.EndsWith("progress.json.bad-20250506T070809000Z", backup, StringComparison.Ordinal);
        Assert.Equal(corrupt, File.ReadAllText(backup));
        string notice = Assert.Single(_notices);
        Assert.Contains(backup, notice, StringComparison.Ordinal);
        Assert.Equal(1, NewStore().Get("01.1").Passes);
    }

    [Fact]
    public void Record_CorruptTwiceInSameMillisecond_KeepsBothBackups()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero));
        File.WriteAllText(FilePath, "first bad");
        NewStore(time).Record("01.1", CheckOutcome.Passed);
        File.WriteAllText(FilePath, "second bad");
        NewStore(time).Record("01.1", CheckOutcome.Passed);

        string[] backups = [.. Directory.GetFiles(_directory, "progress.json.bad-*").Select(File.ReadAllText).Order()];

        Assert.Equal(["first bad", "second bad"], backups);
    }

    [Fact]
    public void ResolvePath_EnvironmentVariableSet_UsesIt()
    {
        string custom = Path.Combine(_directory, "elsewhere", "mine.json");

        string path = ProgressStore.ResolvePath(name => name == "WORKBOOK_PROGRESS" ? custom : null, "/home/someone");

        Assert.Equal(Path.GetFullPath(custom), path);
    }

    [Fact]
    public void ResolvePath_NoVariable_UsesDotFolderInHome()
    {
        string home = Path.Combine(_directory, "home");

        string path = ProgressStore.ResolvePath(_ => null, home);

        Assert.Equal(Path.Combine(home, ".concurrency-workbook", "progress.json"), path);
    }

    [Fact]
    public void ResolvePath_BlankVariable_IgnoredInFavourOfHome()
    {
        string home = Path.Combine(_directory, "home");

        Assert.Equal(Path.Combine(home, ".concurrency-workbook", "progress.json"), ProgressStore.ResolvePath(_ => "  ", home));
    }

    [Fact]
    public void DefaultPath_InTests_IsTheSandboxNotTheRealHome()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.GetFullPath(Environment.GetEnvironmentVariable("WORKBOOK_PROGRESS")!), ProgressStore.DefaultPath);
        Assert.NotEqual(Path.Combine(home, ".concurrency-workbook", "progress.json"), ProgressStore.DefaultPath);
    }

    [Fact]
    public void Record_FileInMissingFolder_CreatesTheFolder()
    {
        var store = new ProgressStore(Path.Combine(_directory, "a", "b", "progress.json"));

        store.Record("01.1", CheckOutcome.Passed);

        Assert.True(File.Exists(store.Path));
    }

    [Fact]
    public void Constructor_BlankPath_Throws() => Assert.Throws<ArgumentException>(() => new ProgressStore(" "));
}
