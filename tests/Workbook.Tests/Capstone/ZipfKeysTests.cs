using Workbook.Capstone;

namespace Workbook.Tests.Capstone;

public sealed class ZipfKeysTests
{
    [Fact]
    public void Take_SameSeed_SameSequence()
    {
        Assert.Equal(new ZipfKeys(seed: 5).Take(500), new ZipfKeys(seed: 5).Take(500));
        Assert.NotEqual(new ZipfKeys(seed: 5).Take(500), new ZipfKeys(seed: 6).Take(500));
    }

    [Fact]
    public void Probability_AllKeys_SumToOneAndDecreaseWithRank()
    {
        var keys = new ZipfKeys(keys: 200, exponent: 1.1);
        double[] p = [.. Enumerable.Range(0, 200).Select(keys.Probability)];

        Assert.Equal(1.0, p.Sum(), precision: 9);
        Assert.All(Enumerable.Range(1, 199), i => Assert.True(p[i] < p[i - 1]));
        // Zipf: rank 1 is asked for 2^s times as often as rank 2.
        Assert.Equal(Math.Pow(2, 1.1), p[0] / p[1], precision: 9);
        Assert.Equal(p.Take(10).Sum(), keys.ShareOfTop(10), precision: 9);
    }

    [Fact]
    public void Next_ManyDraws_StayInRangeAndFollowTheDistribution()
    {
        var keys = new ZipfKeys(keys: 50, exponent: 1.0, seed: 3);
        const int Draws = 100_000;
        int[] counts = new int[50];
        foreach (int key in keys.Take(Draws))
        {
            counts[key]++;
        }

        for (int key = 0; key < 50; key += 7)
        {
            double expected = Draws * keys.Probability(key);
            double sd = Math.Sqrt(expected * (1 - keys.Probability(key)));
            Assert.InRange(counts[key], expected - (5 * sd), expected + (5 * sd));
        }
    }

    [Fact]
    public void Next_ManyThreads_DrawsTheSameMultisetAsOneThread()
    {
        int[] single = new ZipfKeys(seed: 11).Take(8_000);
        var shared = new ZipfKeys(seed: 11);
        var drawn = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                drawn.Add(shared.Next());
            }
        });

        Assert.Equal(single.Order(), drawn.Order());
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(10, 0.0)]
    [InlineData(10, double.NaN)]
    public void Constructor_BadArguments_Throw(int count, double exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZipfKeys(count, exponent));
    }
}
