using System.Globalization;

namespace Workbook.Twins;

/// <summary>
/// What a twin was asked to do on its command line:
/// <c>dotnet run twins/01-threads.cs -- [--check [ID...]] [--hint N] [--out DIR]</c>.
/// </summary>
/// <param name="ChecksOnly">Run only the exercise checks, not the demonstrations.</param>
/// <param name="Selected">With <see cref="ChecksOnly"/>: only these exercise ids (empty = all of the chapter's).</param>
/// <param name="HintLevel">Which hint a failed check prints (1 = the gentlest).</param>
/// <param name="OutputFolder">Where charts are written (a folder per chapter is made inside), or null for the default.</param>
/// <param name="Help">Print the usage and stop.</param>
public sealed record TwinArguments(bool ChecksOnly, IReadOnlyList<string> Selected, int HintLevel, string? OutputFolder, bool Help)
{
    /// <summary>The usage text a twin prints for <c>--help</c> or a bad argument.</summary>
    public const string Usage = """
        Options (after --, e.g. dotnet run twins/01-threads.cs -- --check 01.1):
          --check [ID...]  run only the chapter's exercise checks (all, or the ids given), not the demonstrations
          --hint N         a failed check prints hint N (default 1; each is more specific than the last)
          --out DIR        write charts to DIR/<chapter>/ (default: out/twins/<chapter>/ in the repository)
          --help           this text
        """;

    /// <summary>The arguments of a plain run: every demonstration, hint 1, default chart folder.</summary>
    public static TwinArguments Default { get; } = new(false, [], 1, null, false);

    /// <summary>Reads the twin's arguments.</summary>
    /// <param name="args">The program's arguments (what follows <c>--</c> after <c>dotnet run file.cs</c>).</param>
    /// <returns>The parsed arguments.</returns>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or an id or number is malformed.</exception>
    public static TwinArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = Default;
        var selected = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            switch (a)
            {
                case "--check":
                    result = result with { ChecksOnly = true };
                    // Every following word that is not an option is an exercise id.
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        string id = args[++i];
                        if (!IsExerciseId(id))
                        {
                            throw new ArgumentException($"--check expects exercise ids such as 01.1, got \"{id}\".", nameof(args));
                        }

                        selected.Add(id);
                    }

                    break;
                case "--hint":
                    string level = Value(args, ref i, a);
                    if (!int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                    {
                        throw new ArgumentException($"--hint expects a hint number from 1, got \"{level}\".", nameof(args));
                    }

                    result = result with { HintLevel = n };
                    break;
                case "--out":
                    result = result with { OutputFolder = Value(args, ref i, a) };
                    break;
                case "--help" or "-h":
                    result = result with { Help = true };
                    break;
                default:
                    throw new ArgumentException($"unknown argument \"{a}\".", nameof(args));
            }
        }

        return result with { Selected = selected };
    }

    /// <summary>True when <paramref name="id"/> is selected: always in a full run, else when listed (or none listed).</summary>
    /// <param name="id">An exercise id.</param>
    /// <returns>Whether its check should run.</returns>
    public bool Runs(string id) => id is null ? throw new ArgumentNullException(nameof(id)) : !ChecksOnly || Selected.Count == 0 || Selected.Contains(id, StringComparer.Ordinal);

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{option} needs a value.", nameof(args));
        }

        return args[++i];
    }

    private static bool IsExerciseId(string text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && text[2] == '.' && text[3..].All(char.IsAsciiLetterOrDigit);
}
