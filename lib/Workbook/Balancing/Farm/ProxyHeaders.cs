using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Workbook.Balancing.Farm;

/// <summary>Copies headers between the client's exchange and the backend's, leaving out the hop-by-hop ones.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class ProxyHeaders
{
    // Hop-by-hop headers describe one connection, not the message: each side of a proxy has its own.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Expect",
    };

    /// <summary>Copies the client's request headers to the outgoing request (Host comes from the backend's address instead).</summary>
    public static void CopyRequest(HttpRequest from, HttpRequestMessage to)
    {
        foreach (var (name, values) in from.Headers)
        {
            if (HopByHop.Contains(name) || string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // One value is the common case: adding it as a string avoids boxing the StringValues as an IEnumerable.
            bool added = values.Count == 1
                ? to.Headers.TryAddWithoutValidation(name, values[0])
                : to.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            if (!added && to.Content is { } content)
            {
                // Content-Type, Content-Length … belong to the content, which only exists when there is a body.
                _ = values.Count == 1
                    ? content.Headers.TryAddWithoutValidation(name, values[0])
                    : content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // Tell the backend who really asked, as YARP and most proxies do by default.
        string client = from.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        to.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        to.Headers.TryAddWithoutValidation("X-Forwarded-Proto", from.Scheme);
        if (from.Host.HasValue)
        {
            to.Headers.TryAddWithoutValidation("X-Forwarded-Host", from.Host.Value);
        }
    }

    /// <summary>Copies the backend's status and headers to the client's response.</summary>
    public static void CopyResponse(HttpResponseMessage from, HttpResponse to)
    {
        to.StatusCode = (int)from.StatusCode;
        Copy(from.Headers.NonValidated, to.Headers);
        Copy(from.Content.Headers.NonValidated, to.Headers);
    }

    private static void Copy(HttpHeadersNonValidated from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            to[name] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
        }
    }
}
