using Workbook.BalancingExercises;

namespace Workbook.Tests.Balancing.Fixtures;

// Exercise 07.3 as the notebook's stub cell shows it (renamed so it can sit beside the solution).
public sealed class TwoDistinctChoicesStub : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        // TODO: sample two DIFFERENT backends with random and return the one with fewer outstanding requests.
        throw new NotImplementedException();
    }
}

// Wrong answer: two independent draws; 1 time in n they are the same backend and nothing is compared.
public sealed class IndependentDraws : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int a = random.Next(outstanding.Count);
        int b = random.Next(outstanding.Count);
        return outstanding[b] < outstanding[a] ? b : a;
    }
}

// Wrong answer: samples two backends but always keeps the first: plain random choice.
public sealed class AlwaysFirstSample : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        if (n == 1) return 0;
        int a = random.Next(n);
        int b = random.Next(n - 1);
        if (b >= a) b++;
        return a;
    }
}

// Wrong answer: the comparison the wrong way round: keeps the busier of two distinct samples.
public sealed class KeepsTheBusier : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        if (n == 1) return 0;
        int a = random.Next(n);
        int b = random.Next(n - 1);
        if (b >= a) b++;
        return outstanding[b] > outstanding[a] ? b : a;
    }
}

// Wrong answer: a full scan for the least loaded backend: least connections, not two choices.
public sealed class ScansForLeastLoaded : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int best = 0;
        for (int i = 1; i < outstanding.Count; i++)
        {
            if (outstanding[i] < outstanding[best]) best = i;
        }

        return best;
    }
}

// Wrong answer: distinct samples, but ties go to the lower index, which piles work onto low indexes.
public sealed class TiesToLowerIndex : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        if (n == 1) return 0;
        int a = random.Next(n);
        int b = random.Next(n - 1);
        if (b >= a) b++;
        if (outstanding[a] == outstanding[b]) return Math.Min(a, b);
        return outstanding[b] < outstanding[a] ? b : a;
    }
}

// Wrong answer: ignores the Random it is given, so seeded runs do not repeat.
public sealed class UsesSharedRandom : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        if (n == 1) return 0;
        int a = Random.Shared.Next(n);
        int b = Random.Shared.Next(n - 1);
        if (b >= a) b++;
        return outstanding[b] < outstanding[a] ? b : a;
    }
}

// Wrong answer: draws the second sample from the other n - 1 without a guard for a single backend.
public sealed class NoSingleBackendGuard : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        int a = random.Next(n);
        int b = random.Next(n - 1);
        if (b >= a) b++;
        return outstanding[b] < outstanding[a] ? b : a;
    }
}
