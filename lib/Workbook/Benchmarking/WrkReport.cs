using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbook.Benchmarking;

/// <summary>What <c>wrk</c> printed at the end of a run: requests, duration, errors and throughput.</summary>
/// <param name="Requests">Requests completed.</param>
/// <param name="Seconds">The run's duration as wrk measured it.</param>
/// <param name="RequestsPerSecond">wrk's "Requests/sec" line.</param>
/// <param name="Errors">Socket errors plus non-2xx responses (0 when wrk printed neither line).</param>
/// <remarks>Immutable.</remarks>
public sealed partial record WrkReport(long Requests, double Seconds, double RequestsPerSecond, long Errors)
{
    /// <summary>Reads wrk's standard output.</summary>
    /// <param name="output">The text wrk printed.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="FormatException">The text lacks the "requests in" or "Requests/sec" line (the message quotes the output's start).</exception>
    public static WrkReport Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Match total = TotalLine().Match(output);
        Match rate = RateLine().Match(output);
        if (!total.Success || !rate.Success)
        {
            string start = output.Length > 300 ? output[..300] + "…" : output;
            throw new FormatException($"This is not the output of a finished wrk run (no 'requests in' or 'Requests/sec' line): {start}");
        }

        long errors = 0;
        Match socket = SocketErrorsLine().Match(output);
        if (socket.Success)
        {
            foreach (string part in new[] { "connect", "read", "write", "timeout" })
            {
                errors += long.Parse(socket.Groups[part].Value, CultureInfo.InvariantCulture);
            }
        }

        Match non2xx = Non2xxLine().Match(output);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        return new WrkReport(
            long.Parse(total.Groups["requests"].Value, CultureInfo.InvariantCulture),
            ToSeconds(total.Groups["value"].Value, total.Groups["unit"].Value),
            double.Parse(rate.Groups["rate"].Value, CultureInfo.InvariantCulture),
            errors);
    }

    private static double ToSeconds(string value, string unit)
    {
        double number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1e6,
            "ms" => number / 1e3,
            "m" => number * 60,
            "h" => number * 3600,
            _ => number,
        };
    }

    [GeneratedRegex(@"(?<requests>\d+) requests in (?<value>[\d.]+)(?<unit>us|ms|s|m|h),")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Requests/sec:\s+(?<rate>[\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<count>\d+)")]
    private static partial Regex Non2xxLine();
}
