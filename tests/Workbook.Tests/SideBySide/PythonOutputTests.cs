using Workbook.SideBySide;

namespace Workbook.Tests.SideBySide;

public sealed class PythonOutputTests
{
    private static readonly Workload Threads = Workload.For(Technique.Threads, WorkloadSize.Small);

    [Fact]
    public void Parse_ValidOutput_ReadsInterpreterResultAndSeconds()
    {
        string output = Support.Output(Threads, "{\"primes\": 2262}", "{\"sequential\": 0.5, \"threads\": 0.25}");

        PythonReport report = PythonOutput.Parse(output + "\n", Threads);

        Assert.Equal(new PythonInterpreter("CPython", "3.11.7", true, 2), report.Interpreter);
        Assert.Equal(2262, report.Measurement.Result["primes"]);
        Assert.Equal(0.25, report.Measurement.Time("threads"));
    }

    [Theory]
    [InlineData("", "printed nothing")]
    [InlineData("   \n", "printed nothing")]
    [InlineData("Traceback (most recent call last):", "not JSON")]
    [InlineData("[1, 2]", "not an object")]
    public void Parse_NotAnObject_ExplainsWhat(string stdout, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => PythonOutput.Parse(stdout, Threads));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherTechnique_NamesBoth()
    {
        string output = Support.Output(Threads, "{\"primes\": 1}", "{\"sequential\": 1}", technique: "queues");

        var error = Assert.Throws<InvalidDataException>(() => PythonOutput.Parse(output, Threads));

        Assert.Contains("'queues' but was asked for 'threads'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DifferentParameter_SaysTheScriptMayBeOutOfDate()
    {
        string output = Support.Output(Threads, "{\"primes\": 1}", "{\"sequential\": 1}", parameters: "{\"limit\": 7, \"workers\": 2, \"repeats\": 1}");

        var error = Assert.Throws<InvalidDataException>(() => PythonOutput.Parse(output, Threads));

        Assert.Contains("limit=7 but was asked for limit=20000", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"primes\": 1.5}", "{\"sequential\": 1}", "result \"primes\" is 1.5")]
    [InlineData("{\"primes\": \"many\"}", "{\"sequential\": 1}", "results must be whole numbers")]
    [InlineData("{\"primes\": 1}", "{\"sequential\": 0}", "time \"sequential\" is 0")]
    [InlineData("{\"primes\": 1}", "{\"sequential\": -2}", "positive numbers of seconds")]
    [InlineData("{}", "{\"sequential\": 1}", "at least one value")]
    [InlineData("[]", "{\"sequential\": 1}", "\"result\" is missing or not an object")]
    public void Parse_BadResultOrSeconds_NamesTheValue(string result, string seconds, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => PythonOutput.Parse(Support.Output(Threads, result, seconds), Threads));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoInterpreter_SaysSo()
    {
        string output = Support.Output(Threads, "{\"primes\": 1}", "{\"sequential\": 1}").Replace("\"interpreter\"", "\"who\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => PythonOutput.Parse(output, Threads));

        Assert.Contains("\"interpreter\" is missing", error.Message, StringComparison.Ordinal);
    }
}
