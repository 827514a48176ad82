using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

/// <summary>
/// The C# halves compute exactly what the Python halves compute: the same counts and checksums,
/// for every technique. No timing is asserted anywhere here.
/// </summary>
public sealed class SameResultTests
{
    public static TheoryData<Technique> Techniques => [.. PythonVsCSharp.All];

    [Theory]
    [MemberData(nameof(Techniques))]
    public async Task CSharpSide_RecordedWorkload_ComputesPythonsRecordedResult(Technique technique)
    {
        // The recording holds what CPython computed for the standard workload; one round is enough for a result.
        Comparison recorded = PythonVsCSharp.LoadRecorded(technique);
        var workload = new Workload(technique, recorded.Workload.Parameters.Select(p => p.Key == "repeats" ? KeyValuePair.Create(p.Key, 1L) : p));

        SideMeasurement csharp = await CSharpSide.RunAsync(workload, CancellationToken.None).Within();

        Assert.Equal(recorded.Python.Result, csharp.Result);
    }

    [Theory]
    [MemberData(nameof(Techniques))]
    public async Task RunAsync_SmallWorkload_BothSidesComputeTheSameResultAndFiniteFigures(Technique technique)
    {
        PythonCheck python = await PythonVsCSharp.CheckPythonAsync().Within();

        Comparison comparison = await PythonVsCSharp.RunAsync(technique, new SideBySideOptions { Size = WorkloadSize.Small }).Within();

        // Without python3 on this machine the runner must fall back to the recording, and say so.
        Assert.Equal(python.Available ? ComparisonSource.Live : ComparisonSource.Recorded, comparison.Source);
        Assert.True(comparison.SameResult, comparison.ToString());
        Assert.All(comparison.Figures, f => Assert.True(double.IsFinite(f.CSharpAdvantage) && f.CSharpAdvantage > 0, f.ToString()));
    }
}
