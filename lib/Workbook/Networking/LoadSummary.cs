using System.Diagnostics;
using System.Globalization;
using Workbook.Measurement;

namespace Workbook.Networking;

/// <summary>Turns the raw samples of a load run into a <see cref="LoadResult"/>, once the run is over.</summary>
internal static class LoadSummary
{
    public static LoadResult Build(string mode, int concurrency, long start, TimeSpan elapsed, TimeSpan intervalWidth, IEnumerable<RequestSample> samples)
    {
        var errorsByKind = new Dictionary<string, long>();
        var statusCodes = new Dictionary<int, long>();
        var byBackend = new Dictionary<string, long>(StringComparer.Ordinal);
        var latencies = new List<double>();
        var slices = new List<Slice>();
        long requests = 0, errors = 0, bytes = 0;
        double msPerTick = 1000.0 / Stopwatch.Frequency;
        long ticksPerSlice = Math.Max(1, (long)(intervalWidth.TotalSeconds * Stopwatch.Frequency));

        foreach (RequestSample sample in samples)
        {
            requests++;
            bytes += sample.Bytes;
            if (sample.Status != 0)
            {
                Increment(statusCodes, sample.Status);
            }

            if (sample.Backend is not null)
            {
                Increment(byBackend, sample.Backend);
            }

            int index = (int)Math.Max(0, (sample.End - start) / ticksPerSlice);
            while (slices.Count <= index)
            {
                slices.Add(new Slice());
            }

            Slice slice = slices[index];
            slice.Completions++;
            if (sample.Succeeded)
            {
                double ms = (sample.End - sample.Start) * msPerTick;
                latencies.Add(ms);
                slice.Latencies.Add(ms);
            }
            else
            {
                errors++;
                slice.Errors++;
                Increment(errorsByKind, sample.Error ?? string.Create(CultureInfo.InvariantCulture, $"HTTP {sample.Status}"));
            }
        }

        return new LoadResult
        {
            Mode = mode,
            Concurrency = concurrency,
            Requests = requests,
            Errors = errors,
            ErrorsByKind = errorsByKind,
            StatusCodes = statusCodes,
            ByBackend = byBackend,
            Elapsed = elapsed,
            Latency = latencies.Count > 0 ? Stats.Of(latencies, Stats.Milliseconds) : null,
            Intervals = slices.Select((s, i) => s.ToInterval(i, intervalWidth, elapsed)).ToList(),
            BytesReceived = bytes,
        };
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private sealed class Slice
    {
        public long Completions;
        public long Errors;
        public List<double> Latencies { get; } = [];

        public LoadInterval ToInterval(int index, TimeSpan width, TimeSpan elapsed)
        {
            TimeSpan begin = width * index;
            // The last slice ends with the run, so it may be shorter than the others.
            TimeSpan length = elapsed > begin && elapsed - begin < width ? elapsed - begin : width;
            double p99 = Latencies.Count > 0 ? Stats.Of(Latencies).Percentile(99) : 0;
            return new LoadInterval(begin, length, Completions, Errors, p99);
        }
    }
}
