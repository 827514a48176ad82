using System.Globalization;
using System.Text;

namespace Workbook.Balancing;

/// <summary>
/// The backends a policy chose, in order: what a chapter prints to show a policy's pattern
/// (<c>a b c a a b a c b a</c>) and counts to show its shares exactly.
/// </summary>
/// <remarks>Immutable once built; safe to share. <see cref="Take"/> itself drives the balancer from one thread.</remarks>
public sealed class PickSequence
{
    private const int Shown = 30;
    private readonly string[] _names;

    private PickSequence(string[] names) => _names = names;

    /// <summary>The chosen backends' names, in pick order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>How many picks the sequence holds.</summary>
    public int Length => _names.Length;

    /// <summary>
    /// Picks <paramref name="count"/> times from <paramref name="balancer"/>, ending each lease as a
    /// success at once, so load-aware policies see an idle farm between picks.
    /// </summary>
    /// <param name="balancer">The policy to drive.</param>
    /// <param name="count">How many picks (1 or more).</param>
    /// <returns>The sequence of chosen backends.</returns>
    public static PickSequence Take(IBalancer balancer, int count)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            var lease = balancer.Pick();
            names[i] = lease.Backend.Name;
            lease.Complete(success: true);
        }

        return new PickSequence(names);
    }

    /// <summary>Wraps a sequence of names produced some other way (for example a hand-written schedule).</summary>
    /// <param name="names">The names, in order (none blank).</param>
    /// <returns>The sequence.</returns>
    public static PickSequence Of(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var array = names.ToArray();
        for (int i = 0; i < array.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(array[i]))
            {
                throw new ArgumentException($"Name #{i} is blank; every pick needs a backend name.", nameof(names));
            }
        }

        return new PickSequence(array);
    }

    /// <summary>How many times <paramref name="name"/> was picked.</summary>
    /// <param name="name">A backend name.</param>
    /// <returns>The count (0 if it was never picked).</returns>
    public int Count(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int count = 0;
        foreach (var n in _names)
        {
            count += n == name ? 1 : 0;
        }

        return count;
    }

    /// <summary>Picks per backend, in order of first appearance.</summary>
    public IReadOnlyList<(string Name, int Picks)> Counts =>
        _names.GroupBy(n => n, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToArray();

    /// <summary>The longest stretch of consecutive picks of one backend (the first such stretch on a tie).</summary>
    public (string Name, int Length) LongestRun
    {
        get
        {
            (string Name, int Length) best = (string.Empty, 0);
            int run = 0;
            for (int i = 0; i < _names.Length; i++)
            {
                run = i > 0 && _names[i] == _names[i - 1] ? run + 1 : 1;
                if (run > best.Length)
                {
                    best = (_names[i], run);
                }
            }

            return best;
        }
    }

    /// <summary>The most picks any single backend got within any <paramref name="window"/> consecutive picks: the burst it must absorb.</summary>
    /// <param name="window">The window length (1 or more; clipped to the sequence length).</param>
    /// <returns>The largest count of one name in one window.</returns>
    public int MostInWindow(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        window = Math.Min(window, _names.Length);
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        int most = 0;
        for (int i = 0; i < _names.Length; i++)
        {
            // Slide: add the new pick, drop the one that fell out of the window.
            inWindow[_names[i]] = inWindow.GetValueOrDefault(_names[i]) + 1;
            if (i >= window)
            {
                inWindow[_names[i - window]]--;
            }

            most = Math.Max(most, inWindow[_names[i]]);
        }

        return most;
    }

    /// <summary>The first picks separated by spaces (at most 30, then the total), e.g. <c>a b c a a b a c b a</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendJoin(' ', _names.Take(Shown));
        if (_names.Length > Shown)
        {
            text.Append(CultureInfo.InvariantCulture, $" … ({_names.Length:N0} picks)");
        }

        return text.ToString();
    }
}
