namespace Workbook.Simulation;

/// <summary>Every server's queue length (waiting + in service) at one virtual instant, for charts.</summary>
/// <param name="Time">The virtual time of the sample, in seconds.</param>
/// <param name="Lengths">Requests at each server, by server index.</param>
public sealed record QueueSample(double Time, IReadOnlyList<int> Lengths)
{
    /// <summary>Mean queue length over the servers.</summary>
    public double MeanLength
    {
        get
        {
            long sum = 0;
            foreach (var length in Lengths)
            {
                sum += length;
            }

            return Lengths.Count == 0 ? 0 : (double)sum / Lengths.Count;
        }
    }

    /// <summary>Longest queue at this instant.</summary>
    public int MaxLength => Lengths.Count == 0 ? 0 : Lengths.Max();

    /// <inheritdoc />
    public override string ToString() => $"t = {Time:0.##} s: mean queue {MeanLength:0.##}, longest {MaxLength}";
}
