using System.Globalization;

namespace Workbook.Runner.Cli;

/// <summary>A parsed command line: the command word, positional arguments and --options.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(string command, List<string> positional, Dictionary<string, string?> options)
    {
        Command = command;
        Positional = positional;
        _options = options;
    }

    /// <summary>The first word (run, execute, progress, import, clean, help).</summary>
    public string Command { get; }

    /// <summary>Arguments that are not options, after the command.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Splits <paramref name="args"/>; options that take a value are named in <paramref name="valued"/>.</summary>
    /// <exception cref="UsageException">An option is unknown or lacks its value.</exception>
    public static CommandLine Parse(string[] args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        if (args.Length == 0) return new CommandLine("help", [], []);
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) { positional.Add(a); continue; }
            if (flags.Contains(a)) { options[a] = null; continue; }
            if (!valued.Contains(a)) throw new UsageException($"unknown option {a}.");
            if (i + 1 >= args.Length) throw new UsageException($"option {a} needs a value.");
            options[a] = args[++i];
        }
        return new CommandLine(args[0], positional, options);
    }

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => _options.ContainsKey(flag);

    /// <summary>The option's value, or <paramref name="fallback"/>.</summary>
    public string Get(string option, string fallback) => _options.TryGetValue(option, out var v) && v is not null ? v : fallback;

    /// <summary>The option as a positive number of seconds.</summary>
    /// <exception cref="UsageException">The value is not a positive number.</exception>
    public TimeSpan Seconds(string option, double fallback)
    {
        var text = Get(option, fallback.ToString(CultureInfo.InvariantCulture));
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0 || double.IsInfinity(s))
            throw new UsageException($"{option} expects a positive number of seconds, got \"{text}\".");
        return TimeSpan.FromSeconds(s);
    }

    /// <summary>The option as a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <exception cref="UsageException">The value is not a whole number in that range.</exception>
    public int Integer(string option, int fallback, int min, int max)
    {
        var text = Get(option, fallback.ToString(CultureInfo.InvariantCulture));
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new UsageException($"{option} expects a whole number from {min} to {max}, got \"{text}\".");
        return n;
    }
}

/// <summary>A command line that cannot be understood; the message says what to fix.</summary>
public sealed class UsageException(string message) : Exception(message);
