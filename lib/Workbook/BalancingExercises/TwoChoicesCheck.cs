using System.Globalization;
using Workbook.Exercises;
using static Workbook.Exercises.ExerciseText;

namespace Workbook.BalancingExercises;

/// <summary>
/// The check of exercise 07.3: with set loads and seeded randomness, two backends must always give
/// the idle one, three must never give the strictly busiest and must split the rest as two distinct
/// random samples do (2/3 and 1/3), ties must spread evenly, and the given Random must be the only source.
/// </summary>
internal static class TwoChoicesCheck
{
    private const int TwoBackendRounds = 2_000;
    private const int ThreeBackendRounds = 30_000;
    private const int TieRounds = 40_000;
    private const double Tolerance = 0.03;

    public static string Verify(Func<ITwoChoices> create, CheckContext context)
    {
        var answer = create();
        SingleBackend(answer, context);
        TwoBackends(answer, context);
        ThreeBackends(answer, context);
        Ties(answer, context);
        SameSeedSameChoices(create, context);
        long total = 10 + (2 * TwoBackendRounds) + ThreeBackendRounds + TieRounds;
        return $"{Count(total)} decisions: with loads [3, 0] the idle backend every time; with loads [0, 5, 1] never the busiest, "
            + "and the idle one 2/3 of the time as two distinct samples predict; equal loads spread evenly; the same seed repeats the same choices.";
    }

    private static void SingleBackend(ITwoChoices answer, CheckContext context)
    {
        var random = context.CreateRandom(1);
        for (int k = 0; k < 10; k++)
        {
            int choice;
            try
            {
                choice = answer.Choose(Loads(4), random);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
            {
                context.Fail($"with a single backend your Choose threw {e.GetType().Name}: there is no second backend to sample. Return 0 when there is only one.");
                return;
            }

            context.Require(choice == 0, $"with a single backend (loads [4]) you chose {choice}; the only backend is 0.");
        }
    }

    private static void TwoBackends(ITwoChoices answer, CheckContext context)
    {
        var random = context.CreateRandom(2);
        int busy = 0;
        foreach (var (loads, idle) in new[] { (Loads(3, 0), 1), (Loads(0, 3), 0) })
        {
            for (int k = 0; k < TwoBackendRounds; k++)
            {
                int choice = answer.Choose(loads, random);
                RequireIndex(choice, loads.Count, context);
                busy += choice == idle ? 0 : 1;
            }
        }

        if (busy == 0)
        {
            return;
        }

        double share = (double)busy / (2 * TwoBackendRounds);
        string diagnosis = Nearest(share, (0.25, Diagnosis.SameBackendTwice), (0.5, Diagnosis.IgnoresLoad), (0.75, Diagnosis.BusierOfIndependent), (1.0, Diagnosis.Busier));
        context.Fail(
            $"two backends, one with 3 requests outstanding and one idle: you chose the busy one {Count(busy)} of {Count(2 * TwoBackendRounds)} times ({Percent(share)}). "
            + $"Two DIFFERENT samples out of two backends are always both of them, so the idle one should win every time. {diagnosis}");
    }

    private static void ThreeBackends(ITwoChoices answer, CheckContext context)
    {
        var random = context.CreateRandom(3);
        var loads = Loads(0, 5, 1);
        var counts = new int[3];
        for (int k = 0; k < ThreeBackendRounds; k++)
        {
            int choice = answer.Choose(loads, random);
            RequireIndex(choice, 3, context);
            counts[choice]++;
        }

        double idle = (double)counts[0] / ThreeBackendRounds, busiest = (double)counts[1] / ThreeBackendRounds, middle = (double)counts[2] / ThreeBackendRounds;
        string shares = $"idle {Percent(idle)}, busiest {Percent(busiest)}, middle {Percent(middle)}";
        if (counts[1] > 0)
        {
            string diagnosis = Nearest(busiest, (1.0 / 9, Diagnosis.SameBackendTwice), (1.0 / 3, Diagnosis.IgnoresLoad), (2.0 / 3, Diagnosis.Busier));
            context.Fail(
                $"three backends with loads [0, 5, 1]: you chose the strictly busiest (backend 1) {Count(counts[1])} of {Count(ThreeBackendRounds)} times ({shares}). "
                + $"It loses to whichever other backend it is sampled with, so it should never be chosen. {diagnosis}");
        }

        if (idle > (2.0 / 3) + Tolerance)
        {
            context.Fail(
                $"three backends with loads [0, 5, 1]: you chose the idle backend {Percent(idle)} of the time ({shares}); two random samples include it "
                + $"only 2 times in 3, so it should win about 66.7%. {Diagnosis.FullScan}");
        }

        context.Require(
            Math.Abs(idle - (2.0 / 3)) <= Tolerance && Math.Abs(middle - (1.0 / 3)) <= Tolerance,
            $"three backends with loads [0, 5, 1]: your shares were {shares}; two different random samples give idle 66.7% and middle 33.3% "
            + "(the pairs {0,1}, {0,2} and {1,2} are equally likely). Sample both backends uniformly: first = random.Next(n), then the second from the other n - 1.");
    }

    private static void Ties(ITwoChoices answer, CheckContext context)
    {
        var random = context.CreateRandom(4);
        var loads = Loads(2, 2, 2, 2);
        var counts = new int[4];
        for (int k = 0; k < TieRounds; k++)
        {
            int choice = answer.Choose(loads, random);
            RequireIndex(choice, 4, context);
            counts[choice]++;
        }

        var shares = counts.Select(c => (double)c / TieRounds).ToArray();
        int most = Array.IndexOf(shares, shares.Max());
        context.Require(
            shares.All(s => Math.Abs(s - 0.25) <= Tolerance),
            $"four backends with equal loads [2, 2, 2, 2]: your choices were split {string.Join(" / ", shares.Select(Percent))}, and backend {most} got {Percent(shares[most])}. "
            + "With equal loads every backend should get about 25%. On a tie keep the FIRST sample (it is uniformly random); "
            + "preferring the lower index, or always the first or second position, piles work onto some backends of an idle farm.");
    }

    private static void SameSeedSameChoices(Func<ITwoChoices> create, CheckContext context)
    {
        var loads = Loads(1, 1, 1, 1, 1);
        var first = Decide(create(), loads, new Random(2024));
        var second = Decide(create(), loads, new Random(2024));
        int differ = Enumerable.Range(0, first.Length).FirstOrDefault(k => first[k] != second[k], -1);
        context.Require(
            differ < 0,
            $"two runs with the same seed (new Random(2024)) chose differently at decision #{differ + 1} ({(differ < 0 ? 0 : first[differ])} vs {(differ < 0 ? 0 : second[differ])}). "
            + "Draw your samples from the Random you are given, not Random.Shared or a new Random(): then a seeded run repeats exactly, which is what makes tests and simulations reproducible.");
    }

    private static int[] Decide(ITwoChoices answer, IReadOnlyList<int> loads, Random random)
    {
        var choices = new int[200];
        for (int k = 0; k < choices.Length; k++)
        {
            choices[k] = answer.Choose(loads, random);
        }

        return choices;
    }

    private static void RequireIndex(int choice, int count, CheckContext context) =>
        context.Require(choice >= 0 && choice < count, $"you chose backend {choice}, but with {count} backends the indexes are 0..{count - 1}.");

    private static IReadOnlyList<int> Loads(params int[] loads) => Array.AsReadOnly(loads);

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Nearest(double value, params (double Expected, string Text)[] candidates) =>
        candidates.MinBy(c => Math.Abs(c.Expected - value)).Text;

    private static class Diagnosis
    {
        public const string SameBackendTwice =
            "That is what happens when the second sample can land on the same backend as the first: two independent random.Next(n) draws "
            + "coincide 1 time in n, and then there is nothing to compare. Draw the second from the other n - 1 backends: "
            + "int second = random.Next(n - 1); if (second >= first) second++;";

        public const string IgnoresLoad =
            "That is the share you get by ignoring the loads, for example always keeping the first sample: it is just random choice. "
            + "Compare the two samples' outstanding counts and keep the smaller.";

        public const string BusierOfIndependent =
            "It looks as if you keep the busier of two samples that can coincide: keep the one with FEWER outstanding requests, "
            + "and draw the second sample from the other n - 1 backends.";

        public const string Busier =
            "You keep the busier of the two samples; the comparison is the wrong way round. Keep the one with FEWER outstanding requests.";

        public const string FullScan =
            "You seem to scan every backend for the least loaded one: that is least connections, not two choices. It costs O(n) per request, "
            + "and with load figures that are a moment old every balancer instance sends its requests to the same 'least loaded' backend (herding). "
            + "Sample two backends at random and compare only those.";
    }
}
