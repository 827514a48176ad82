using Workbook.Coroutines;
using Workbook.Exercises;
using Workbook.Tests.Coroutines.Fixtures;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.Coroutines;

public sealed class BatchExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted()
    {
        CheckResult result = _harness.Check("04.1", () => new LazyBatcherStub());

        Assert.Equal(CheckOutcome.NotAttempted, result.Outcome);
    }

    [Fact]
    public void Check_ReferenceSolution_Passed()
    {
        CheckResult result = _harness.Check("04.1", () => new LazyBatcher());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("as soon as Batch is called", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Store.Get("04.1").Passes);
    }

    [Theory]
    [InlineData(typeof(EagerToListBatcher), "pulled more than 10,000 items")]
    [InlineData(typeof(ListReturningBatcher), "already pulled 10 of the source's 10 items")]
    [InlineData(typeof(DropsLastBatchBatcher), "the last, partial batch [10] is missing")]
    [InlineData(typeof(ReusedBufferBatcher), "you reuse one array")]
    [InlineData(typeof(UndisposedSourceBatcher), "never disposed")]
    [InlineData(typeof(ReadAheadBatcher), "after handing out 1 batch of 4, your stage had pulled 5 items")]
    [InlineData(typeof(UncheckedArgumentsBatcher), "went ahead without complaint")]
    [InlineData(typeof(TrailingEmptyBatchBatcher), "The last batch is empty")]
    public void Check_WrongAnswer_FailedNamingTheMistake(Type batcher, string expected)
    {
        CheckResult result = _harness.Check("04.1", () => (IBatcher)Activator.CreateInstance(batcher)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Contains("Exercises.Hint(\"04.1\")", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReusedBuffer_MessageShowsTheOverwrittenBatch()
    {
        CheckResult result = _harness.Check("04.1", () => new ReusedBufferBatcher());

        Assert.Contains("batch 1 was [1,2,3] when you handed it out", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LazyButValidatingOnEnumeration_PassedMentioningLinq()
    {
        CheckResult result = _harness.Check("04.1", () => new ValidatesInsideIteratorBatcher());

        Assert.Equal(CheckOutcome.Passed, result.Outcome);
        Assert.Contains("when first enumerated", result.Message, StringComparison.Ordinal);
    }

    private sealed class ValidatesInsideIteratorBatcher : IBatcher
    {
        public IEnumerable<T[]> Batch<T>(IEnumerable<T> source, int size)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
            var batch = new List<T>(size);
            foreach (T item in source)
            {
                batch.Add(item);
                if (batch.Count == size)
                {
                    yield return [.. batch];
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                yield return [.. batch];
            }
        }
    }
}
