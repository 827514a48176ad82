using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Workbook.Processes;

namespace Workbook.Networking;

public sealed partial class DemoServer
{
    /// <summary>The longest <c>/delay</c> accepted: one minute.</summary>
    public const int MaxDelayMilliseconds = 60_000;

    /// <summary>The most <c>/cpu</c> iterations accepted: about a few seconds of work.</summary>
    public const long MaxCpuIterations = 2_000_000_000;

    private void MapEndpoints(WebApplication web)
    {
        web.MapGet("/fast", () => "ok\n");

        web.MapGet("/delay", async (int? ms, CancellationToken cancellationToken) =>
        {
            int wait = ms ?? 100;
            if (wait is < 0 or > MaxDelayMilliseconds)
            {
                return BadRequest($"ms must be between 0 and {MaxDelayMilliseconds}; got {wait}.");
            }

            // An awaited timer holds no thread while it waits: this is what I/O-bound work looks like.
            await Task.Delay(TimeSpan.FromMilliseconds(wait), options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"waited {wait} ms\n"));
        });

        web.MapGet("/cpu", (long? iterations, CancellationToken cancellationToken) =>
        {
            long steps = iterations ?? 1_000_000;
            if (steps is < 0 or > MaxCpuIterations)
            {
                return BadRequest($"iterations must be between 0 and {MaxCpuIterations}; got {steps}.");
            }

            // Deliberately synchronous: the request's thread is busy for the whole computation.
            long checksum = CpuWork.Spin(steps, cancellationToken);
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{checksum}\n"));
        });

        web.MapPost("/echo", EchoAsync);

        web.MapGet("/health", () => IsFaulty
            ? Results.Text("faulty\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("healthy\n"));

        web.MapGet("/stats", () => Results.Json(Stats));
    }

    private static IResult BadRequest(string message) =>
        Results.Text(message + "\n", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The most bytes of a refused body the server reads and drops so that its client sees the 413.</summary>
    private const long RefusedBodyDrainLimit = 8 * 1024 * 1024;

    private static readonly TimeSpan RefusedBodyDrainTime = TimeSpan.FromSeconds(2);

    private async Task RefuseTooLargeAsync(HttpContext context)
    {
        // Answer 413 before reading anything: a client that sent "Expect: 100-continue" then never sends the body.
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        await context.Response.CompleteAsync().ConfigureAwait(false);

        // A client that is already sending would get "broken pipe" instead of our answer if we closed
        // with its bytes unread, so read and drop a bounded amount of them first.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(RefusedBodyDrainTime);
        PipeReader body = context.Request.BodyReader;
        long drained = 0;
        try
        {
            while (drained < RefusedBodyDrainLimit)
            {
                ReadResult read = await body.ReadAsync(deadline.Token).ConfigureAwait(false);
                drained += read.Buffer.Length;
                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // Too slow, gone, or malformed: stop draining; Kestrel closes the connection.
        }
    }

    private async Task EchoAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        if (request.ContentLength > options.MaxRequestBodySize)
        {
            await RefuseTooLargeAsync(context).ConfigureAwait(false);
            return;
        }

        PipeReader body = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await body.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                if (read.IsCompleted)
                {
                    break;
                }

                // Consume nothing but mark everything examined, so the next read waits for more bytes
                // and the whole body accumulates in the pipe (at most MaxRequestBodySize of it).
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException tooLarge)
        {
            // Kestrel enforces the limit on bodies without a Content-Length (chunked) while they stream in.
            response.StatusCode = tooLarge.StatusCode;
            return;
        }

        ReadOnlySequence<byte> content = read.Buffer;
        response.ContentType = request.ContentType ?? "application/octet-stream";
        response.ContentLength = content.Length;
        foreach (ReadOnlyMemory<byte> segment in content)
        {
            await response.Body.WriteAsync(segment, context.RequestAborted).ConfigureAwait(false);
        }

        body.AdvanceTo(content.End);
    }
}
