using Workbook.Exercises;

namespace Workbook.Coroutines;

/// <summary>
/// The check of exercise 04.1: a Batch stage must be lazy (nothing pulled before it is
/// enumerated, only each batch's own items pulled, even from an endless source), correct on the
/// edge cases, give every batch its own array, dispose its source, and reject a size below 1.
/// </summary>
internal static class BatchCheck
{
    private const int PullLimit = 10_000;

    public static string Verify(Func<IBatcher> create, CheckContext context)
    {
        IBatcher batcher = create();
        NothingPulledUntilEnumerated(batcher, context);
        TenInThrees(batcher, context);
        int cases = EdgeCases(batcher, context) + 1;
        SameBatchesWhenEnumeratedAgain(batcher, context);
        StreamsFromEndlessSource(batcher, context);
        DisposesSourceOnEarlyExit(batcher, context);
        bool eager = RejectsBadArguments(batcher, context);
        string validation = eager
            ? "and rejects a size below 1 or a null source as soon as Batch is called"
            : "and rejects a size below 1 or a null source (when first enumerated; LINQ's operators check at the call itself, see hint 3)";
        return $"Batch is lazy (nothing pulled until enumerated; from an endless source exactly 4 items per batch of 4), correct on {cases} cases "
            + $"(a partial last batch, an exact multiple, an empty source, size 1, a size larger than the source, strings), gives every batch "
            + $"its own array, disposes the source when the consumer stops early, {validation}.";
    }

    private static void NothingPulledUntilEnumerated(IBatcher batcher, CheckContext context)
    {
        var source = new InstrumentedSource(10, PullLimit);
        IEnumerable<int[]> batches = batcher.Batch(source, 3);
        context.Require(batches is not null, "Batch returned null: return the batches (an iterator method with yield return does that for you).");
        context.Require(
            source.Pulls == 0,
            $"calling Batch(source, 3) already pulled {source.Pulls} of the source's 10 items, before anyone asked for a batch. "
                + "A lazy stage does nothing until it is enumerated: write it as an iterator (yield return) and never call ToList, ToArray or Count on the source.");
    }

    private static void TenInThrees(IBatcher batcher, CheckContext context)
    {
        var source = new InstrumentedSource(10, PullLimit);
        var (batches, atProduction) = Collect(batcher.Batch(source, 3), context);
        int[][] expected = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]];
        int received = atProduction.Sum(b => b.Length);
        if (!Same(atProduction, expected))
        {
            if (received == 9 && Same(atProduction, expected[..3]))
            {
                context.Fail($"Batch(1..10, size 3) gave {Show(atProduction)}: the last, partial batch [10] is missing, so 1 of the 10 items was lost. "
                    + "When the source ends with a part-filled batch, hand it out too (only when it holds at least one item).");
            }

            context.Fail($"Batch(1..10, size 3) gave {Show(atProduction)}; expected {Show(expected)}.");
        }

        for (int i = 0; i < batches.Count; i++)
        {
            int earlier = batches.FindIndex(0, i, b => ReferenceEquals(b, batches[i]));
            if (earlier >= 0 || !batches[i].SequenceEqual(atProduction[i]))
            {
                context.Fail($"batch {i + 1} was {Show([atProduction[i]])} when you handed it out, but after the consumer asked for more batches it reads "
                    + $"{Show([batches[i]])}: you reuse one array for several batches. A consumer may keep the batches it got (ToList does), so every batch needs its own new array.");
            }
        }

        context.Require(
            source.AllDisposed,
            "after the last batch, the source's enumerator was never disposed. Iterate the source with foreach inside your iterator: the compiler disposes "
                + "the enumerator for you (a hand-held GetEnumerator() needs using).");
    }

    private static int EdgeCases(IBatcher batcher, CheckContext context)
    {
        (string Name, int Count, int Size, int[][] Expected)[] cases =
        [
            ("1..9 in batches of 3 (an exact multiple)", 9, 3, [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
            ("an empty source in batches of 3", 0, 3, []),
            ("1..4 in batches of 1", 4, 1, [[1], [2], [3], [4]]),
            ("1..2 in batches of 5 (larger than the source)", 2, 5, [[1, 2]]),
        ];
        foreach (var (name, count, size, expected) in cases)
        {
            var (_, got) = Collect(batcher.Batch(new InstrumentedSource(count, PullLimit), size), context);
            if (Same(got, expected))
            {
                continue;
            }

            string why = got.Count > 0 && got[^1].Length == 0
                ? " The last batch is empty: hand out the part-filled batch only when it holds at least one item."
                : string.Empty;
            context.Fail($"{name} gave {Show(got)}; expected {Show(expected)}.{why}");
        }

        string[] words = ["a", "b", "c", "d", "e"];
        var strings = batcher.Batch(words, 2).Select(b => string.Join(string.Empty, b ?? [])).ToList();
        context.Require(
            strings.SequenceEqual(["ab", "cd", "e"]),
            $"Batch([\"a\"..\"e\"], 2) gave {string.Join(" ", strings.Select(s => $"[{s}]"))}; expected [ab] [cd] [e]: the stage must work for any item type.");
        return cases.Length + 1;
    }

    private static void SameBatchesWhenEnumeratedAgain(IBatcher batcher, CheckContext context)
    {
        var source = new InstrumentedSource(7, PullLimit);
        IEnumerable<int[]> batches = batcher.Batch(source, 3);
        var first = Collect(batches, context).AtProduction;
        var second = Collect(batches, context).AtProduction;
        context.Require(
            Same(first, second),
            $"enumerating the same result of Batch(1..7, 3) twice gave {Show(first)} and then {Show(second)}. Like any IEnumerable, each enumeration "
                + "must start from the beginning: take the source's enumerator inside the iterator, not when Batch is called.");
    }

    private static void StreamsFromEndlessSource(IBatcher batcher, CheckContext context)
    {
        var endless = new InstrumentedSource(null, PullLimit);
        using IEnumerator<int[]> batches = batcher.Batch(endless, 4).GetEnumerator();
        for (int k = 1; k <= 3; k++)
        {
            bool moved;
            try
            {
                moved = batches.MoveNext();
            }
            catch (PullLimitExceededException)
            {
                context.Fail($"to hand out batch {k} of 4 items from an endless source, your stage pulled more than {PullLimit:N0} items, and the check stopped it "
                    + "(without the stop it would run forever). It reads the whole source before producing anything: ToList, ToArray or Count on the source? "
                    + "A streaming stage pulls only the items of the batch it is filling, and yields the batch as soon as it is full.");
                return;
            }

            context.Require(moved, $"from an endless source, your stage ended after {k - 1} batch{(k == 2 ? "" : "es")}.");
            int[] batch = batches.Current;
            int[] expected = Enumerable.Range((4 * (k - 1)) + 1, 4).ToArray();
            context.Require(batch is not null && batch.SequenceEqual(expected), $"batch {k} from the endless source 1, 2, 3 … was {Show([batch ?? []])}; expected {Show([expected])}.");
            context.Require(
                endless.Pulls == 4 * k,
                $"after handing out {k} batch{(k == 1 ? "" : "es")} of 4, your stage had pulled {endless.Pulls} items from the source; a streaming stage pulls exactly {4 * k}: "
                    + "only the items of the batches handed out so far. Reading ahead means work (or I/O) that the consumer may never want.");
        }
    }

    private static void DisposesSourceOnEarlyExit(IBatcher batcher, CheckContext context)
    {
        var endless = new InstrumentedSource(null, PullLimit);
        int taken = 0;
        foreach (int[] _ in batcher.Batch(endless, 5))
        {
            if (++taken == 2)
            {
                break;
            }
        }

        context.Require(
            endless.Enumerations > 0 && endless.AllDisposed,
            $"the consumer stopped after 2 batches (a foreach with break, which disposes your enumerator), but the source's enumerator was "
                + $"{(endless.Enumerations == 0 ? "never even created" : "never disposed")}. In a real pipeline that leaves a file or a connection open. "
                + "Iterate the source with foreach inside your iterator: when your enumerator is disposed, its finally blocks run and dispose the source's.");
    }

    /// <summary>Checks size &lt; 1 and null source are rejected; returns true when both are rejected at the call itself.</summary>
    private static bool RejectsBadArguments(IBatcher batcher, CheckContext context)
    {
        bool eager = true;
        foreach (int size in new[] { 0, -1 })
        {
            var (error, atCall) = Attempt(() => batcher.Batch(new InstrumentedSource(10, PullLimit), size));
            context.Require(
                error is ArgumentOutOfRangeException,
                error is null
                    ? $"Batch(source, {size}) went ahead without complaint. A batch of {size} items makes no sense (size 0 would never fill a batch): "
                        + "throw ArgumentOutOfRangeException (ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size))."
                    : $"Batch(source, {size}) threw {error.GetType().Name} ({error.Message}); expected ArgumentOutOfRangeException, which names the bad argument.");
            eager &= atCall;
        }

        var (nullError, nullAtCall) = Attempt(() => batcher.Batch<int>(null!, 3));
        context.Require(
            nullError is ArgumentNullException,
            nullError is null
                ? "Batch(null, 3) went ahead without complaint; throw ArgumentNullException (ArgumentNullException.ThrowIfNull(source))."
                : $"Batch(null, 3) threw {nullError.GetType().Name}; expected ArgumentNullException (ArgumentNullException.ThrowIfNull(source)).");
        return eager && nullAtCall;
    }

    /// <summary>Calls Batch and pulls one batch; returns what was thrown and whether it came from the call itself.</summary>
    private static (Exception? Error, bool AtCall) Attempt(Func<IEnumerable<int[]>> call)
    {
        IEnumerable<int[]> batches;
        try
        {
            batches = call();
        }
        catch (Exception error) when (error is not NotImplementedException)
        {
            return (error, true);
        }

        try
        {
            using IEnumerator<int[]> enumerator = batches.GetEnumerator();
            enumerator.MoveNext();
            return (null, false);
        }
        catch (Exception error) when (error is not NotImplementedException)
        {
            return (error, false);
        }
    }

    /// <summary>Enumerates the batches, keeping both the arrays as received and copies taken the moment each arrived.</summary>
    private static (List<int[]> Batches, List<int[]> AtProduction) Collect(IEnumerable<int[]> batches, CheckContext context)
    {
        var received = new List<int[]>();
        var copies = new List<int[]>();
        try
        {
            foreach (int[] batch in batches)
            {
                context.Require(batch is not null, $"batch {received.Count + 1} was null; every batch must be an array of items.");
                received.Add(batch);
                copies.Add([.. batch]);
                context.Require(received.Count <= PullLimit, "the stage produced more batches than the source has items.");
            }
        }
        catch (PullLimitExceededException)
        {
            context.Fail($"from a source of a few items your stage kept pulling past {PullLimit:N0} items: does it ignore the end of the source?");
        }

        return (received, copies);
    }

    private static bool Same(IReadOnlyList<int[]> actual, IReadOnlyList<int[]> expected) =>
        actual.Count == expected.Count && actual.Zip(expected).All(pair => pair.First.SequenceEqual(pair.Second));

    private static string Show(IReadOnlyList<int[]> batches)
    {
        if (batches.Count == 0)
        {
            return "no batches";
        }

        var shown = batches.Take(6).Select(b => $"[{string.Join(",", b)}]");
        return string.Join(" ", shown) + (batches.Count > 6 ? $" … ({batches.Count} batches)" : string.Empty);
    }
}
