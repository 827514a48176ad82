using Workbook.Benchmarking;

namespace Workbook.Tests.Bench;

public sealed class ExternalOutputTests
{
    private const string Wrk = """
        Running 3s test @ http://127.0.0.1:40123/fast
          2 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   512.10us  301.22us   9.87ms   91.02%
            Req/Sec    15.52k     1.10k   17.80k    70.00%
          92871 requests in 3.00s, 11.87MB read
        Requests/sec:  30950.81
        Transfer/sec:      3.96MB
        """;

    [Fact]
    public void WrkParse_CleanRun_ReadsTheTotals()
    {
        WrkReport report = WrkReport.Parse(Wrk);

        Assert.Equal(new WrkReport(92871, 3.0, 30950.81, 0), report);
    }

    [Fact]
    public void WrkParse_ErrorLines_AddedUp()
    {
        string output = Wrk.Replace("Requests/sec", "  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 10\nRequests/sec", StringComparison.Ordinal);

        Assert.Equal(20, WrkReport.Parse(output).Errors);
    }

    [Fact]
    public void WrkParse_MillisecondDuration_InSeconds()
    {
        Assert.Equal(0.5, WrkReport.Parse(Wrk.Replace("in 3.00s", "in 500.00ms", StringComparison.Ordinal)).Seconds, 9);
    }

    [Fact]
    public void WrkParse_UsageText_FormatException()
    {
        Assert.Throws<FormatException>(() => WrkReport.Parse("Usage: wrk <options> <url>"));
    }

    private const string Summary = """
        notebook                          cells  seconds  status
        --------------------------------  -----  -------  ------
        00-start-here.ipynb                  11     30.2  ok
        01-threads.ipynb                     40    101.5  FAILED
        total                                51    131.9  FAILED

        01-threads.ipynb cell 7: Failed: boom
        """;

    [Fact]
    public void RunnerSummaryParse_TwoNotebooks_TimesStatusesAndTotal()
    {
        RunnerSummary summary = RunnerSummary.Parse(Summary);

        Assert.Equal([new NotebookTime("00-start-here.ipynb", 11, 30.2, "ok"), new NotebookTime("01-threads.ipynb", 40, 101.5, "FAILED")], summary.Notebooks);
        Assert.Equal(131.9, summary.TotalSeconds);
        Assert.False(summary.Succeeded);
        Assert.False(summary.Notebooks[1].Succeeded);
    }

    [Fact]
    public void RunnerSummaryParse_DecimalComma_Accepted()
    {
        RunnerSummary summary = RunnerSummary.Parse(Summary.Replace("30.2", "30,2", StringComparison.Ordinal));

        Assert.Equal(30.2, summary.Notebooks[0].Seconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello\nworld\nagain")]
    [InlineData("notebook cells seconds status\n----\n00.ipynb 1 2.0 ok\n")]
    public void RunnerSummaryParse_NotASummary_FormatException(string text)
    {
        Assert.Throws<FormatException>(() => RunnerSummary.Parse(text));
    }
}
