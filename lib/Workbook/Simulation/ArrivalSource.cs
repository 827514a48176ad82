namespace Workbook.Simulation;

/// <summary>A running arrival generator: each call yields the next arrival instant and how many requests arrive then.</summary>
internal abstract class ArrivalSource
{
    /// <summary>Moves <paramref name="time"/> to the next arrival instant and returns the number of requests arriving at it.</summary>
    public abstract int Next(ref double time);

    /// <summary>An exponential draw with the given mean; 1 - U keeps the logarithm finite.</summary>
    protected static double Exponential(Random random, double mean) => -Math.Log(1.0 - random.NextDouble()) * mean;
}

/// <summary>Poisson stream of events, each carrying a fixed number of requests.</summary>
internal sealed class PoissonSource(double eventRate, Random random, int perEvent) : ArrivalSource
{
    private readonly double _meanGap = 1.0 / eventRate;

    public override int Next(ref double time)
    {
        time += Exponential(random, _meanGap);
        return perEvent;
    }
}

/// <summary>Two-state (on/off) modulated Poisson stream; starts in the "on" state at time 0.</summary>
internal sealed class OnOffSource : ArrivalSource
{
    private readonly Random _random;
    private readonly double _meanGapWhileOn;
    private readonly double _meanOn;
    private readonly double _meanOff;
    private bool _on = true;
    private double _phaseEnd;

    public OnOffSource(double rate, Random random, double onFraction, double meanCycle)
    {
        _random = random;

        // Scale the on-rate up so the long-run average is still 'rate'.
        _meanGapWhileOn = onFraction / rate;
        _meanOn = onFraction * meanCycle;
        _meanOff = (1 - onFraction) * meanCycle;
        _phaseEnd = Exponential(random, _meanOn);
    }

    public override int Next(ref double time)
    {
        while (true)
        {
            if (_on)
            {
                // Memorylessness: a gap that overruns the on period can be redrawn after the off period.
                double candidate = time + Exponential(_random, _meanGapWhileOn);
                if (candidate < _phaseEnd || _meanOff == 0)
                {
                    time = candidate;
                    return 1;
                }

                time = _phaseEnd;
                _on = false;
                _phaseEnd = time + Exponential(_random, _meanOff);
            }
            else
            {
                time = _phaseEnd;
                _on = true;
                _phaseEnd = time + Exponential(_random, _meanOn);
            }
        }
    }
}
