using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Workbook.Networking;

/// <summary>
/// Sends one request for the load generator and measures it: one shared <see cref="HttpClient"/>
/// over a <see cref="SocketsHttpHandler"/> sized to the run, headers read first, body drained into
/// a reusable buffer.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="SendAsync"/> may run concurrently (HttpClient is thread-safe); each call
/// needs its own scratch buffer and timeout token. Dispose after every request has finished.
/// </remarks>
internal sealed class LoadSender : IDisposable
{
    private readonly HttpClient client;
    private readonly Func<HttpRequestMessage> newRequest;
    private readonly CancellationToken runToken;

    public LoadSender(LoadOptions options, CancellationToken runToken)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            ConnectTimeout = options.RequestTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        HttpMessageHandler outer = options.WrapHandler?.Invoke(handler) ?? handler;
        // Timeouts come from the caller's token, which also covers reading the body; HttpClient's own
        // Timeout would stop at the headers when responses are read as streams.
        client = new HttpClient(outer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Uri? url = options.Url;
        newRequest = options.RequestFactory ?? (() => new HttpRequestMessage(HttpMethod.Get, url));
        this.runToken = runToken;
    }

    /// <summary>Sends one request and reads its whole body.</summary>
    /// <param name="start">The timestamp the latency is measured from (now, or when the request was due).</param>
    /// <param name="timeout">Cancelled when the request has taken too long, or when the run is cancelled.</param>
    /// <param name="scratch">A buffer the body is drained into.</param>
    /// <returns>The sample; a failure is recorded in it, not thrown.</returns>
    /// <exception cref="OperationCanceledException">The whole run was cancelled.</exception>
    // Pooled builder: the boxes that carry this method across awaits are reused, not allocated per request.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RequestSample> SendAsync(long start, CancellationToken timeout, Memory<byte> scratch)
    {
        var sample = new RequestSample { Start = start };
        try
        {
            using HttpRequestMessage request = newRequest();
            // ResponseHeadersRead: hand over the response as soon as its headers arrive, so the body can
            // be drained into our buffer instead of being buffered into a fresh array by HttpClient.
            using HttpResponseMessage response = await client
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
            sample.Status = (int)response.StatusCode;
            if (response.Headers.NonValidated.TryGetValues(DemoServer.BackendHeader, out HeaderStringValues backend))
            {
                sample.Backend = backend.ToString();
            }

            Stream body = await response.Content.ReadAsStreamAsync(timeout).ConfigureAwait(false);
            int read;
            while ((read = await body.ReadAsync(scratch, timeout).ConfigureAwait(false)) > 0)
            {
                sample.Bytes += read;
            }
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            sample.Error = "timeout";
        }
        catch (HttpRequestException e)
        {
            sample.Error = $"{nameof(HttpRequestException)} ({e.HttpRequestError})";
        }
        catch (Exception e)
        {
            sample.Error = e.GetType().Name;
        }

        sample.End = Stopwatch.GetTimestamp();
        return sample;
    }

    public void Dispose() => client.Dispose();
}
