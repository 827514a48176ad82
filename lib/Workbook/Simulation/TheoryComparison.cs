using System.Globalization;

namespace Workbook.Simulation;

/// <summary>
/// One simulated mean time in system set against the supermarket model's prediction
/// (<see cref="SupermarketModel"/>), with a standard error where the run allows one.
/// </summary>
/// <param name="Policy">"random" or "power-of-two".</param>
/// <param name="Load">The load ρ.</param>
/// <param name="Servers">Servers in the farm.</param>
/// <param name="Requests">Requests simulated, warm-up included.</param>
/// <param name="Measured">The simulated mean time in system, in mean service times.</param>
/// <param name="Theory">The model's mean time in system (an infinite farm for power-of-two).</param>
/// <param name="StandardError">
/// The standard error of <paramref name="Measured"/> for random assignment, where every server is
/// an independent M/M/1 queue, so the spread of the per-server means estimates it; null for
/// power-of-two, whose servers are coupled through the choices.
/// </param>
public sealed record TheoryComparison(string Policy, double Load, int Servers, long Requests, double Measured, double Theory, double? StandardError)
{
    /// <summary>Column titles matching <see cref="ToString"/>.</summary>
    public static string Header => "policy         load  servers   requests   measured     theory   off by   ± std. error";

    /// <summary>(measured − theory) / theory: negative when the simulation came out faster.</summary>
    public double RelativeError => (Measured - Theory) / Theory;

    /// <summary>Whether the measurement is within <paramref name="relative"/> (e.g. 0.10) of the theory.</summary>
    /// <param name="relative">Allowed relative error (positive).</param>
    /// <returns>True when |measured − theory| ≤ relative × theory.</returns>
    public bool Within(double relative)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(relative);
        return Math.Abs(Measured - Theory) <= relative * Theory;
    }

    /// <summary>Whether the theory lies within <paramref name="k"/> standard errors of the measurement.</summary>
    /// <param name="k">How many standard errors (positive), typically 3.</param>
    /// <returns>False when there is no standard error.</returns>
    public bool WithinStandardErrors(double k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return StandardError is { } se && Math.Abs(Measured - Theory) <= k * se;
    }

    /// <summary>Compares a finished run with the model.</summary>
    /// <param name="result">A run of "random" or "power-of-two" under the model's assumptions.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The policy or scenario is outside the model (mixed speeds, several slots, stale data, non-Poisson arrivals, non-exponential service, load ≥ 1).</exception>
    public static TheoryComparison Of(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Scenario;
        string? problem =
            s.Speeds is not null ? "the servers have mixed speeds"
            : s.SlotsPerServer != 1 ? "servers work on several requests at once"
            : s.RefreshInterval is not null ? "the policy sees stale load information"
            : s.Arrivals is not PoissonArrivals ? "arrivals are not Poisson"
            : s.Service != ServiceTime.Exponential ? "service times are not exponential"
            : !(s.Load < 1) ? "the load is 1 or more (no steady state)"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"The supermarket model does not cover this run: {problem}.", nameof(result));
        }

        (double theory, double? error) = result.Policy switch
        {
            "random" => (SupermarketModel.RandomMeanTime(s.Load), PerServerStandardError(result.MeanTimePerServer)),
            "power-of-two" => (SupermarketModel.PowerOfTwoMeanTime(s.Load), (double?)null),
            _ => throw new ArgumentException($"The supermarket model covers 'random' and 'power-of-two', not '{result.Policy}'.", nameof(result)),
        };
        return new TheoryComparison(result.Policy, s.Load, s.ServerCount, result.Requests, result.TimeInSystem.Mean, theory, error);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string se = StandardError is { } e ? string.Create(CultureInfo.InvariantCulture, $"± {e:0.00}") : "—";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Policy,-13} {Load,5:0.00} {Servers,8:N0} {Requests,10:N0} {Measured,10:0.000} {Theory,10:0.000} {RelativeError,8:+0.0%;-0.0%} {se,14}");
    }

    // Under random assignment each server is its own M/M/1 queue, independent of the others: the
    // servers are independent replications, and the spread of their means gives the standard error.
    private static double? PerServerStandardError(IReadOnlyList<double> perServer)
    {
        var means = perServer.Where(double.IsFinite).ToArray();
        if (means.Length < 2)
        {
            return null;
        }

        double average = means.Average();
        double variance = means.Sum(m => (m - average) * (m - average)) / (means.Length - 1);
        return Math.Sqrt(variance / means.Length);
    }
}
