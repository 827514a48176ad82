namespace Workbook;

/// <summary>
/// Turns a statement in a chapter's text into a check: <c>Claim.That(count == 10_000, "all 10,000 items arrived exactly once")</c>
/// prints the statement with a tick when it holds and fails the cell, naming the statement, when it does not.
/// </summary>
public static class Claim
{
    /// <summary>Prints "✓ statement" when <paramref name="condition"/> holds; otherwise throws <see cref="ClaimFailedException"/>.</summary>
    /// <exception cref="ClaimFailedException">The claim does not hold on this machine.</exception>
    public static void That(bool condition, string statement, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        if (!condition)
            throw new ClaimFailedException($"Claim failed: {statement}{(detail is null ? "" : $" ({detail})")}. The text's claim does not hold in this run; the numbers above show why.");
        Console.WriteLine($"✓ {statement}");
    }
}

/// <summary>A claim made by a chapter's text did not hold when the cell ran.</summary>
public sealed class ClaimFailedException(string message) : Exception(message);
