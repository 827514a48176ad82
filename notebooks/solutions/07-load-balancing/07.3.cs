// Exercise 07.3: Power of two choices, two different backends
using System;
using System.Collections.Generic;
using Workbook.BalancingExercises;

// Reference solution: the second sample comes from the other n - 1 backends, so the two are always
// different and the busier one can never win by being drawn twice.
public sealed class TwoDistinctChoices : ITwoChoices
{
    public int Choose(IReadOnlyList<int> outstanding, Random random)
    {
        int n = outstanding.Count;
        if (n == 1) return 0;
        int first = random.Next(n);
        int second = random.Next(n - 1);
        if (second >= first) second++; // step over the first sample: uniform over the others
        return outstanding[second] < outstanding[first] ? second : first;
    }
}
