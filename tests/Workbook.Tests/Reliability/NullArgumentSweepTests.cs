using Workbook.Tests.Support;
using Xunit.Abstractions;

namespace Workbook.Tests.Reliability;

/// <summary>
/// Every public library API rejects a null argument it does not accept with an
/// <see cref="ArgumentNullException"/> naming the parameter. One failure lists every offender
/// (type.member(parameter) [signature]: what happened instead), so APIs added in parallel can all be
/// fixed after a merge.
/// </summary>
public class NullArgumentSweepTests(ITestOutputHelper output)
{
    [Fact]
    public void PublicApi_NullForNonNullableParameter_ThrowsArgumentNullExceptionNamingIt()
    {
        using var scratch = new TempFolder();
        var (probes, skipped) = NullArgumentSweep.Run(typeof(Workbook.Claim).Assembly, scratch.Path);

        output.WriteLine($"{probes.Count} null arguments tried; {skipped.Count} members or types skipped:");
        foreach (var group in skipped.GroupBy(s => s.Reason)) output.WriteLine($"  {group.Count(),4}  {group.Key}");
        var inconclusive = probes.Where(p => p.Problem?.StartsWith("inconclusive", StringComparison.Ordinal) == true).ToList();
        foreach (var p in inconclusive) output.WriteLine($"  {p}");
        var offenders = probes.Where(p => p.Problem is not null).Except(inconclusive).ToList();
        // The sweep must have reached the library: hundreds of parameters, most of them checked already.
        Assert.True(probes.Count >= 100, $"only {probes.Count} parameters were tried: the sweep did not find the library's API");
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} of {probes.Count} null arguments were not rejected with ArgumentNullException naming the parameter:{Environment.NewLine}"
            + string.Join(Environment.NewLine, offenders.Select(o => "  " + o)));
    }
}
