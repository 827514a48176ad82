namespace Workbook.Simulation;

/// <summary>
/// Theory for the "supermarket model": Poisson arrivals at rate ρ·n to n exponential servers of
/// rate 1, each request joining the shortest of d servers chosen at random, as n → ∞
/// (Mitzenmacher; Vvedenskaya, Dobrushin and Karpelevich).
/// </summary>
/// <remarks>
/// In the limit the fraction of servers holding at least i requests is
/// s_i = ρ^((dⁱ − 1)/(d − 1)). The mean number per server is Σ_{i≥1} s_i, and Little's law
/// (arrival rate ρ per server) turns that into the mean time in system
/// T = (1/ρ)·Σ_{i≥1} s_i = Σ_{i≥1} ρ^((dⁱ − d)/(d − 1)).
/// For d = 1 the exponent is i − 1 and the sum is the M/M/1 result 1/(1 − ρ); for d = 2 it is
/// Σ ρ^(2ⁱ − 2): about 2.61 at ρ = 0.9 and 5.43 at ρ = 0.99, against 10 and 100 for random.
/// Finite farms do slightly worse than the limit, most visibly near ρ = 1.
/// </remarks>
public static class SupermarketModel
{
    /// <summary>Mean time in system with random assignment (each server an M/M/1 queue): 1/(1 − ρ).</summary>
    /// <param name="rho">Load per server, in (0, 1).</param>
    /// <returns>The mean time in system, in mean service times.</returns>
    public static double RandomMeanTime(double rho)
    {
        CheckLoad(rho);
        return 1.0 / (1.0 - rho);
    }

    /// <summary>Mean time in system with power-of-two choices in the large-farm limit: Σ_{i≥1} ρ^(2ⁱ − 2).</summary>
    /// <param name="rho">Load per server, in (0, 1).</param>
    /// <returns>The mean time in system, in mean service times.</returns>
    public static double PowerOfTwoMeanTime(double rho) => MeanTime(rho, 2);

    /// <summary>Mean time in system when each request joins the shortest of <paramref name="choices"/> random servers (large-farm limit).</summary>
    /// <param name="rho">Load per server, in (0, 1).</param>
    /// <param name="choices">d, the number of servers sampled per request (1 or more).</param>
    /// <returns>Σ_{i≥1} ρ^((dⁱ − d)/(d − 1)), or 1/(1 − ρ) for d = 1.</returns>
    public static double MeanTime(double rho, int choices)
    {
        CheckLoad(rho);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(choices);
        if (choices == 1)
        {
            return RandomMeanTime(rho);
        }

        double sum = 0;
        double power = choices; // d^i, starting at i = 1
        for (int i = 1; i < 200; i++)
        {
            double term = Math.Pow(rho, (power - choices) / (choices - 1));
            sum += term;

            // Terms fall doubly exponentially; stop once they no longer change the sum.
            if (term < 1e-15 * sum)
            {
                break;
            }

            power *= choices;
        }

        return sum;
    }

    /// <summary>Fraction of servers holding at least <paramref name="length"/> requests in the large-farm limit: ρ^((dⁱ − 1)/(d − 1)).</summary>
    /// <param name="rho">Load per server, in (0, 1).</param>
    /// <param name="choices">d, servers sampled per request (1 or more).</param>
    /// <param name="length">i, the queue length (0 or more).</param>
    /// <returns>The tail fraction s_i.</returns>
    public static double TailFraction(double rho, int choices, int length)
    {
        CheckLoad(rho);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(choices);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        double exponent = choices == 1 ? length : (Math.Pow(choices, length) - 1) / (choices - 1);
        return Math.Pow(rho, exponent);
    }

    private static void CheckLoad(double rho)
    {
        if (!(rho > 0 && rho < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "The load must be in (0, 1): at 1 or above the queues grow without bound.");
        }
    }
}
