namespace Workbook.Tests.Processes;

/// <summary>
/// Every test that starts worker processes joins this collection. It runs on its own, after the
/// parallel collections, so that "no child of this test process is left" can be checked exactly:
/// nothing else is starting workers at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesCollection
{
    public const string Name = "Processes";
}
