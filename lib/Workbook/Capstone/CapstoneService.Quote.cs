using System.Globalization;
using Microsoft.AspNetCore.Http;
using Workbook.Networking;

namespace Workbook.Capstone;

public sealed partial class CapstoneService
{
    private async Task QuoteAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.Headers[DemoServer.BackendHeader] = _nameHeader;
        _counters.Request();
        if (!int.TryParse(context.Request.Query["key"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int key)
            || key is < 0 or >= Quotes.KeyCount)
        {
            _counters.BadRequest();
            await WriteAsync(response, StatusCodes.Status400BadRequest, $"key must be a whole number from 0 to {Quotes.KeyCount - 1}\n").ConfigureAwait(false);
            return;
        }

        CancellationToken aborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(Config.Deadline);
        int status;
        string body;
        try
        {
            long quote = await _pipeline!.GetAsync(key, deadline.Token).ConfigureAwait(false);
            _counters.Answered();
            (status, body) = (StatusCodes.Status200OK, quote.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        catch (QueueFullException e)
        {
            _counters.Rejected();
            // Retry-After tells a well-behaved client when to come back instead of hammering a full service.
            response.Headers.RetryAfter = "1";
            (status, body) = (StatusCodes.Status503ServiceUnavailable, e.Message + "\n");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client has gone: there is nobody to answer.
            _counters.Abandoned();
            return;
        }
        catch (OperationCanceledException)
        {
            _counters.TimedOut();
            (status, body) = (StatusCodes.Status504GatewayTimeout, $"no answer within {Config.Deadline.TotalSeconds:0.#} s\n");
        }
        catch (Exception e)
        {
            // A crashed worker, a failed item, or a bug in a plugged-in part: the request fails, the service keeps serving.
            _counters.Failed();
            (status, body) = (StatusCodes.Status500InternalServerError, e.Message + "\n");
        }

        await WriteAsync(response, status, body).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        try
        {
            await response.WriteAsync(body, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection went away while we answered; nothing more to do for this request.
        }
    }
}
