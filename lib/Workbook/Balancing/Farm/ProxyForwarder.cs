using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Workbook.Balancing.Farm;

/// <summary>
/// The request path of <see cref="LoadBalancingProxy"/>: pick a backend, forward, and on a failed
/// connection try another backend when that is safe; answer 502/503/504 itself when it is not.
/// </summary>
/// <remarks>
/// <para>Retry rule: a request is repeated on a different backend only when no response came back
/// and either its method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE: doing it twice has
/// the effect of doing it once) or the connection was never established (then the backend cannot
/// have seen it). A POST whose bytes may have reached a backend is never repeated: the client gets
/// 502 and decides.</para>
/// <para>Thread-safety: one instance serves every request concurrently; per-request state lives in
/// locals, shared state is the balancer (thread-safe by contract), the invoker (thread-safe) and the
/// counters (interlocked).</para>
/// </remarks>
internal sealed class ProxyForwarder(
    IBalancer balancer, string[] addresses, HttpMessageInvoker invoker, ProxyOptions options, ProxyCounters counters)
{
    private readonly Balancer? health = balancer as Balancer;
    private readonly TimeProvider time = options.TimeProvider;

    public async Task HandleAsync(HttpContext context)
    {
        counters.Request();
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        byte[]? body = null;
        int bodyLength = 0;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            // Buffered so that a retry can send the same bytes again.
            var buffer = new MemoryStream();
            try
            {
                await request.Body.CopyToAsync(buffer, aborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await AnswerAsync(context, 413, $"The request body is larger than the proxy's limit of {options.MaxRequestBodySize:N0} bytes.").ConfigureAwait(false);
                return;
            }

            body = buffer.GetBuffer();
            bodyLength = (int)buffer.Length;
        }

        bool idempotent = IsIdempotent(request.Method);
        string pathAndQuery = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        ulong tried = 0;
        string? lastError = null;
        for (int attempt = 1; ; attempt++)
        {
            // The attempt's start is read before the pick, not after: a backend ejected by another request
            // an instant after this pick must not look as if it was picked while ejected (the fault
            // report counts attempts that started inside the ejection window).
            TimeSpan start = counters.Now;
            Lease? lease;
            try
            {
                lease = PickUntried(tried);
            }
            catch (NoHealthyBackendException e)
            {
                await AnswerUnavailableAsync(context, e, lastError).ConfigureAwait(false);
                return;
            }

            if (lease is null)
            {
                counters.BadGateway();
                await AnswerAsync(context, 502, $"Bad gateway: {lastError} No other backend was available to retry on.").ConfigureAwait(false);
                return;
            }

            tried |= 1UL << lease.Index;
            using var message = NewMessage(context, lease.Index, pathAndQuery, body, bodyLength);
            using var timeout = NewTimeout(aborted);
            HttpResponseMessage response;
            try
            {
                response = await invoker.SendAsync(message, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception) when (aborted.IsCancellationRequested)
            {
                Finish(lease, RequestOutcome.Cancelled, start);
                counters.ClientGone();
                return;
            }
            catch (OperationCanceledException) when (timeout.Token.IsCancellationRequested)
            {
                Finish(lease, RequestOutcome.Failure, start);
                counters.GatewayTimeout();
                await AnswerAsync(context, 504, $"Gateway timeout: {lease.Backend.Name} did not answer within {options.ForwardTimeout.TotalSeconds:0.###} s.").ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                Finish(lease, RequestOutcome.Failure, start);

                // ConnectionError means the TCP connection was never made: not one byte of the request left.
                bool neverSent = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
                lastError = $"{lease.Backend.Name} failed ({Describe(e)}){(neverSent ? " before the request was sent" : " after the request was sent")}.";
                if ((idempotent || neverSent) && attempt < options.MaxAttempts)
                {
                    counters.Retry();
                    continue;
                }

                counters.BadGateway();
                string why = idempotent || neverSent
                    ? $"The proxy gave up after {attempt} attempt{(attempt == 1 ? string.Empty : "s")}."
                    : $"The proxy does not retry a {request.Method} once it was sent: the backend may already have acted on it.";
                await AnswerAsync(context, 502, $"Bad gateway: {lastError} {why}").ConfigureAwait(false);
                return;
            }

            using (response)
            {
                Finish(lease, (int)response.StatusCode >= 500 ? RequestOutcome.Failure : RequestOutcome.Success, start);
                await RelayAsync(context, response, attempt, timeout.Token).ConfigureAwait(false);
            }

            return;
        }
    }

    private static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPut(method) ||
        HttpMethods.IsDelete(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static string Describe(Exception e) => e is HttpRequestException http
        ? $"{http.HttpRequestError}: {http.InnerException?.Message ?? http.Message}"
        : $"{e.GetType().Name}: {e.Message}";

    private static async Task AnswerAsync(HttpContext context, int status, string text)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text + "\n", context.RequestAborted).ConfigureAwait(false);
    }

    // A retry must go to a backend this request has not tried. The built-in policies support that
    // directly (they choose among the others as if the tried ones were ejected). Any other IBalancer is
    // asked again; each lease that lands on a tried backend is held until the search ends, so that
    // load-aware policies see that backend busier and move on (a least-loaded policy would otherwise
    // return the dead, idle backend every time).
    private Lease? PickUntried(ulong tried)
    {
        if (tried == 0)
        {
            return balancer.Pick();
        }

        if (health is not null)
        {
            return health.PickExcluding(tried);
        }

        List<Lease>? held = null;
        try
        {
            for (int i = 0; i < (4 * addresses.Length) + 4; i++)
            {
                var lease = balancer.Pick();
                if ((tried & (1UL << lease.Index)) == 0)
                {
                    return lease;
                }

                (held ??= []).Add(lease);
            }

            return null;
        }
        finally
        {
            held?.ForEach(l => l.Complete(RequestOutcome.Cancelled));
        }
    }

    private async Task AnswerUnavailableAsync(HttpContext context, NoHealthyBackendException e, string? lastError)
    {
        if (lastError is not null)
        {
            // Attempts were made and failed, and now nothing is left: the backends failed us (502).
            counters.BadGateway();
            await AnswerAsync(context, 502, $"Bad gateway: {lastError} {e.Message}").ConfigureAwait(false);
            return;
        }

        counters.Unavailable();
        if (e.NextReturn is { } next && !context.Response.HasStarted)
        {
            double seconds = Math.Max(1, Math.Ceiling((next - time.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await AnswerAsync(context, 503, "Service unavailable: " + e.Message).ConfigureAwait(false);
    }

    private HttpRequestMessage NewMessage(HttpContext context, int backend, string pathAndQuery, byte[]? body, int bodyLength)
    {
        var message = new HttpRequestMessage(HttpMethod.Parse(context.Request.Method), addresses[backend] + pathAndQuery)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = body is null ? null : new ByteArrayContent(body, 0, bodyLength),
        };
        ProxyHeaders.CopyRequest(context.Request, message);
        return message;
    }

    private ForwardDeadline NewTimeout(CancellationToken aborted) => new(aborted, options.ForwardTimeout, time);

    private void Finish(Lease lease, RequestOutcome outcome, TimeSpan start)
    {
        lease.Complete(outcome);
        counters.Attempt(lease.Index, lease.IsTrial, outcome, start);
        if (health is not null && (outcome == RequestOutcome.Failure || lease.IsTrial))
        {
            counters.Health(lease.Index, lease.IsTrial, outcome, health.HealthOf(lease.Index));
        }
    }

    private async Task RelayAsync(HttpContext context, HttpResponseMessage response, int attempts, CancellationToken token)
    {
        ProxyHeaders.CopyResponse(response, context.Response);
        if (attempts > 1)
        {
            context.Response.Headers["X-Proxy-Attempts"] = attempts.ToString(CultureInfo.InvariantCulture);
        }

        try
        {
            await response.Content.CopyToAsync(context.Response.Body, token).ConfigureAwait(false);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // The backend died or stalled mid-body: the status line is already out, so the only honest
            // signal left for the client is a broken connection.
            if (token.IsCancellationRequested)
            {
                counters.GatewayTimeout();
            }

            context.Abort();
        }
        catch (Exception)
        {
            counters.ClientGone();
        }
    }
}
