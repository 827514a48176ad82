using System.Globalization;

namespace Workbook.Benchmarking;

/// <summary>
/// The benchmark command's options: <c>--only 1,3,5-7</c>, <c>--rounds N</c>, <c>--quick</c>,
/// <c>--out DIR</c>, <c>--record</c>, <c>--help</c>.
/// </summary>
/// <remarks>Immutable. <see cref="Parse"/> throws <see cref="ArgumentException"/> naming the bad option.</remarks>
public sealed record BenchOptions
{
    /// <summary>Rounds a run needs for its verdicts to count.</summary>
    public const int MinimumJudgedRounds = 5;

    /// <summary>Rounds of a full run unless <c>--rounds</c> says otherwise.</summary>
    public const int DefaultRounds = 5;

    /// <summary>Rounds of a <c>--quick</c> run unless <c>--rounds</c> says otherwise.</summary>
    public const int QuickRounds = 3;

    /// <summary>Where results go unless <c>--out</c> says otherwise (relative to the repository root).</summary>
    public const string DefaultOutput = "out/bench";

    /// <summary>Where <c>--record</c> copies the results (relative to the repository root).</summary>
    public const string RecordFolder = "data/bench";

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Concurrency Workbook benchmark: measures the workbook's code side by side with its peers
        and the machine's limits, and prints ratios with their targets.

        Usage: dotnet run -c Release --project lib/Workbook.Bench -- [options]
          --only ITEMS   run only these items: numbers and ranges, e.g. 1,3,5-7 (default: all)
          --rounds N     rounds per side-by-side measurement (default 5; at least 5 for a judged run)
          --quick        smoke run: small workloads, 3 rounds, verdicts not judged (under 2 minutes)
          --out DIR      where results.json and results.txt go (default out/bench)
          --record       also copy the results into data/bench/ (for the tuning chapter's charts)
          --help         this text
        """;

    /// <summary>The item numbers to run, or null for all of them.</summary>
    public IReadOnlySet<int>? Only { get; init; }

    /// <summary>Rounds per side-by-side measurement.</summary>
    public int Rounds { get; init; } = DefaultRounds;

    /// <summary>A smoke run with small workloads.</summary>
    public bool Quick { get; init; }

    /// <summary>The results folder (relative paths are relative to the repository root).</summary>
    public string OutputDirectory { get; init; } = DefaultOutput;

    /// <summary>Also copy the results into <see cref="RecordFolder"/>.</summary>
    public bool Record { get; init; }

    /// <summary>Print the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>Whether the verdicts count: not a quick run, and at least <see cref="MinimumJudgedRounds"/> rounds.</summary>
    public bool Judged => !Quick && Rounds >= MinimumJudgedRounds;

    /// <summary>Why a run is not judged, or null when it is.</summary>
    public string? NotJudgedReason =>
        Quick ? "a --quick smoke run (small workloads)"
        : Rounds < MinimumJudgedRounds ? $"only {Rounds} round(s); a judged run needs at least {MinimumJudgedRounds}"
        : null;

    /// <summary>Whether item <paramref name="number"/> is selected.</summary>
    /// <param name="number">The item number.</param>
    /// <returns>True when <see cref="Only"/> is null or contains it.</returns>
    public bool Includes(int number) => Only is null || Only.Contains(number);

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments after <c>--</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">An unknown option, a missing or bad value (the message names it).</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        int? rounds = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--only":
                    options = options with { Only = ParseOnly(Value(args, ref i, arg)) };
                    break;
                case "--rounds":
                    string text = Value(args, ref i, arg);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) || parsed < 1)
                    {
                        throw new ArgumentException($"--rounds takes a whole number of at least 1; got '{text}'.", nameof(args));
                    }

                    rounds = parsed;
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--out":
                    options = options with { OutputDirectory = Value(args, ref i, arg) };
                    break;
                case "--record":
                    options = options with { Record = true };
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'. Options: --only, --rounds, --quick, --out, --record, --help.", nameof(args));
            }
        }

        return options with { Rounds = rounds ?? (options.Quick ? QuickRounds : DefaultRounds) };
    }

    /// <summary>Parses an item list such as <c>1,3,5-7</c> into item numbers.</summary>
    /// <param name="text">Comma-separated numbers and ascending ranges, each 1 or more.</param>
    /// <returns>The set of numbers.</returns>
    /// <exception cref="ArgumentException">An empty list, or a part that is not a number or a range (the message quotes it).</exception>
    public static IReadOnlySet<int> ParseOnly(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            string[] ends = raw.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !ends.All(IsItemNumber))
            {
                throw new ArgumentException(
                    $"--only takes item numbers and ranges such as 1,3,5-7; '{raw}' is not one (a measurement such as 2b is run by its item, 2).", nameof(text));
            }

            int from = int.Parse(ends[0], CultureInfo.InvariantCulture);
            int to = int.Parse(ends[^1], CultureInfo.InvariantCulture);
            if (to < from)
            {
                throw new ArgumentException($"--only: the range '{raw}' runs backwards; write it as {to}-{from}.", nameof(text));
            }

            for (int item = from; item <= to; item++)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static bool IsItemNumber(string part) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1;

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option} needs a value.", nameof(args));
        }

        return args[++i];
    }
}
