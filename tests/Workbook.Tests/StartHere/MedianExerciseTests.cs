using Workbook.Exercises;
using Workbook.StartHere;
using Workbook.Tests.Exercises;

namespace Workbook.Tests.StartHere;

public sealed class MedianExerciseTests : IDisposable
{
    private readonly CheckHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Check_Stub_NotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, _harness.Check("00.1", () => new MyMedianStub()).Outcome);

    [Fact]
    public void Check_ReferenceSolution_Passed() =>
        Assert.Equal(CheckOutcome.Passed, _harness.Check("00.1", () => new MyMedian()).Outcome);

    [Theory]
    [InlineData(typeof(UnsortedMedian), "three unsorted values")]
    [InlineData(typeof(UpperMiddleMedian), "With an even count the median is the mean of the two middle values")]
    [InlineData(typeof(MeanInsteadOfMedian), "the median is not the mean")]
    [InlineData(typeof(SortsInPlaceMedian), "tried to change the list it was given")]
    public void Check_WrongAnswer_FailedWithSpecificMessage(Type answer, string expected)
    {
        var result = _harness.Check("00.1", () => (IMedian)Activator.CreateInstance(answer)!);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
    }

    // The stub cell of the notebook.
    private sealed class MyMedianStub : IMedian
    {
        public double Of(IReadOnlyList<double> values) => throw new NotImplementedException();
    }

    // Forgets to sort: takes the middle of the list as given.
    private sealed class UnsortedMedian : IMedian
    {
        public double Of(IReadOnlyList<double> values) =>
            values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    // Even count: takes the upper middle value instead of the mean of the two.
    private sealed class UpperMiddleMedian : IMedian
    {
        public double Of(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
    }

    // Answers the question that was not asked.
    private sealed class MeanInsteadOfMedian : IMedian
    {
        public double Of(IReadOnlyList<double> values) => values.Average();
    }

    // Sorts the caller's data in place (through the IList view) before taking the middle.
    private sealed class SortsInPlaceMedian : IMedian
    {
        public double Of(IReadOnlyList<double> values)
        {
            var list = (IList<double>)values;
            var sorted = values.Order().ToArray();
            for (var i = 0; i < sorted.Length; i++) list[i] = sorted[i];
            var n = list.Count;
            return n % 2 == 1 ? list[n / 2] : (list[n / 2 - 1] + list[n / 2]) / 2;
        }
    }
}
