using System.Diagnostics;

namespace Workbook.Benchmarking;

/// <summary>
/// Runs the selected benchmark items one after another and collects their rows: an item that is
/// pending gives pending rows, one whose tool is missing gives skipped rows (and the log says how
/// to install the tool), one that throws gives failed rows. Nothing is ever reported as met
/// without having been measured.
/// </summary>
/// <remarks>Runs items sequentially on the caller's behalf; cancelling the token stops the run with <see cref="OperationCanceledException"/>.</remarks>
public static class BenchSuite
{
    /// <summary>Runs the items <paramref name="options"/> selects, in item order.</summary>
    /// <param name="items">Every registered item (unique numbers).</param>
    /// <param name="options">The selection (<see cref="BenchOptions.Only"/>).</param>
    /// <param name="context">What the items get.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>Every row of every selected item.</returns>
    /// <exception cref="ArgumentException">Two items share a number, or <c>--only</c> names an item that does not exist.</exception>
    public static async Task<IReadOnlyList<BenchMeasurement>> RunAsync(
        IReadOnlyList<IBenchItem> items, BenchOptions options, BenchContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<IBenchItem> selected = Select(items, options);
        var rows = new List<BenchMeasurement>();
        foreach (IBenchItem item in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Log.WriteLine($"[{item.Number}] {item.Title}");
            long started = Stopwatch.GetTimestamp();
            rows.AddRange(await RunItemAsync(item, context, cancellationToken).ConfigureAwait(false));
            context.Log.WriteLine($"[{item.Number}] done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }

        return rows;
    }

    /// <summary>The items <paramref name="options"/> selects, in item order.</summary>
    /// <param name="items">Every registered item.</param>
    /// <param name="options">The selection.</param>
    /// <returns>The selected items.</returns>
    /// <exception cref="ArgumentException">Two items share a number, or <c>--only</c> names an item that does not exist.</exception>
    public static IReadOnlyList<IBenchItem> Select(IReadOnlyList<IBenchItem> items, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        int? duplicate = items.GroupBy(i => i.Number).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two benchmark items have number {duplicate}.", nameof(items));
        }

        if (options.Only is { } only)
        {
            int[] unknown = [.. only.Where(n => items.All(i => i.Number != n))];
            if (unknown.Length > 0)
            {
                throw new ArgumentException(
                    $"--only names item(s) {string.Join(", ", unknown)} that do not exist; the items are {string.Join(", ", items.Select(i => i.Number).Order())}.",
                    nameof(options));
            }
        }

        return [.. items.Where(i => options.Includes(i.Number)).OrderBy(i => i.Number)];
    }

    private static async Task<IReadOnlyList<BenchMeasurement>> RunItemAsync(IBenchItem item, BenchContext context, CancellationToken cancellationToken)
    {
        if (item.PendingReason is { } pending)
        {
            context.Log.WriteLine($"    {pending}");
            return [.. item.Specs.Select(s => s.Pending(pending))];
        }

        ToolRequirement? missing = item.Requires.FirstOrDefault(tool => context.Tools.Find(tool.Name) is null);
        if (missing is not null)
        {
            // Say how to get the tool, loudly: a skipped comparison must never pass for a measured one.
            context.Log.WriteLine($"    {missing.SkipReason}");
            return [.. item.Specs.Select(s => s.Skipped(missing.SkipReason))];
        }

        IReadOnlyList<BenchMeasurement> measured;
        try
        {
            measured = await item.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            context.Log.WriteLine($"    failed: {error.GetType().Name}: {error.Message}");
            return [.. item.Specs.Select(s => s.Failed(error))];
        }

        // Every declared row appears exactly once, in declaration order; an extra row is a bug in the item.
        var byId = measured.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        string[] undeclared = [.. byId.Keys.Where(id => item.Specs.All(s => s.Id != id))];
        if (undeclared.Length > 0)
        {
            throw new InvalidOperationException($"Item {item.Number} returned rows it did not declare: {string.Join(", ", undeclared)}.");
        }

        return [.. item.Specs.Select(s => byId.TryGetValue(s.Id, out BenchMeasurement? row)
            ? row
            : s.Failed(new InvalidOperationException("the item returned no row for this measurement")))];
    }
}
