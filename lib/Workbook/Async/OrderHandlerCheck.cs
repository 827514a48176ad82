using System.Runtime.ExceptionServices;
using Workbook.Exercises;

namespace Workbook.Async;

/// <summary>
/// The check of exercise 03.3: many handlers on very few threads, against an inventory whose calls
/// complete only once every handler has made them. Blocking deadlocks; awaiting passes. No timing is
/// involved in the verdict, only in how long a deadlock is watched before it is reported.
/// </summary>
internal static class OrderHandlerCheck
{
    public static string Verify(Func<IOrderHandler> create, CheckContext context)
    {
        CheckOnce(create(), orders: 8, threads: 2, context);
        CheckOnce(create(), orders: 16, threads: 1, context);
        return "8 orders on 2 threads and 16 orders on 1 thread: every handler reached ReserveAsync and then PriceAsync before any of those calls completed, "
            + "so no thread ever sat blocked waiting, and every receipt had the right reservation and total.";
    }

    private static void CheckOnce(IOrderHandler handler, int orders, int threads, CheckContext context)
    {
        HandlerProbeReport report = HandlerProbe.Run(handler, orders, threads, context.CancellationToken);
        string setting = $"{orders} orders on {threads} thread(s)";
        context.Require(
            report.ReservedOffThread == 0,
            $"with {setting}, {report.ReservedOffThread} reservations were made on thread-pool threads, not on the thread that called HandleAsync: "
                + "wrapping the blocking code in Task.Run does not remove the blocking, it moves it to the thread pool, which then starves instead "
                + $"({report.ReservedOffThread} pool threads sat blocked). Make HandleAsync async and await the inventory calls.");
        if (report.Deadlocked)
        {
            context.Require(
                report.Reserved == orders,
                $"with {setting}, only {report.Reserved} of {orders} handlers reached ReserveAsync and {report.Finished} finished: "
                    + $"the {threads} thread(s) were stuck inside HandleAsync waiting (.Result, .Wait() or .GetAwaiter().GetResult()) for a reservation "
                    + "that completes only when the other handlers get a thread, and they never did. Make HandleAsync async and await ReserveAsync.");
            context.Fail(
                $"with {setting}, all {orders} handlers reserved, but only {report.Priced} reached PriceAsync and {report.Finished} finished: "
                    + "the price lookup still blocks its thread (.Result, .Wait() or .GetAwaiter().GetResult()). await PriceAsync too: async all the way.");
        }

        if (report.Error is { } error)
        {
            // Rethrown with its original stack, so the learner is told where in their code it came from.
            ExceptionDispatchInfo.Throw(error);
        }

        for (int i = 0; i < orders; i++)
        {
            Order order = report.OrderList[i];
            Receipt? receipt = report.Receipts[i];
            context.Require(receipt is not null, $"HandleAsync returned a null receipt for order {order.Id}.");
            int? reservation = report.Inventory?.ReservationFor(order.Sku);
            decimal total = GatedInventory.UnitPrice(order.Sku) * order.Quantity;
            context.Require(receipt.OrderId == order.Id, $"the receipt for order {order.Id} says order {receipt.OrderId}.");
            context.Require(
                receipt.ReservationId == reservation,
                $"the receipt for order {order.Id} has reservation {receipt.ReservationId}, but ReserveAsync returned {reservation} for it.");
            context.Require(
                receipt.Total == total,
                $"the receipt for order {order.Id} totals {receipt.Total}, but {order.Quantity} × the unit price {GatedInventory.UnitPrice(order.Sku)} is {total}.");
        }

        context.Require(report.Reserved == orders && report.Priced == orders,
            $"with {setting}, ReserveAsync was called {report.Reserved} times and PriceAsync {report.Priced} times: call each once per order.");
    }
}
