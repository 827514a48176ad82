namespace Workbook.Tuning;

/// <summary>Where <see cref="AllocationDemo"/> gets the scratch buffer each message needs.</summary>
public enum BufferStrategy
{
    /// <summary><c>new byte[size]</c> per message: garbage for the collector every time.</summary>
    NewArray,

    /// <summary><c>ArrayPool&lt;byte&gt;.Shared.Rent</c> and <c>Return</c>: the same few arrays, reused.</summary>
    ArrayPool,

    /// <summary><c>stackalloc byte[size]</c> into a <c>Span&lt;byte&gt;</c>: on the stack, freed when the method returns (small sizes only).</summary>
    StackAlloc,
}
