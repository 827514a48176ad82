namespace Workbook.SideBySide;

/// <summary>
/// A 64-bit linear congruential generator (Knuth's MMIX constants) giving 31-bit numbers. The
/// Python script has the same one, so both sides draw exactly the same "random" inputs from a seed.
/// </summary>
/// <remarks>Not thread-safe: give each thread its own.</remarks>
internal sealed class Lcg(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next number, 0 to 2³¹ − 1.</summary>
    public long Next()
    {
        // ulong arithmetic wraps modulo 2^64, which is exactly Python's "& MASK64".
        _state = unchecked((_state * 6364136223846793005UL) + 1442695040888963407UL);
        return (long)(_state >> 33);
    }
}
