namespace Workbook.Networking;

/// <summary>What the load generator records about one request: 40-odd bytes, written once by one client.</summary>
internal struct RequestSample
{
    /// <summary>Stopwatch timestamp when the request was sent (open loop: when it was due).</summary>
    public long Start;

    /// <summary>Stopwatch timestamp when the body was fully read or the failure was seen.</summary>
    public long End;

    /// <summary>Bytes of response body read.</summary>
    public long Bytes;

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int Status;

    /// <summary>The <c>X-Backend</c> header, when the response carried one.</summary>
    public string? Backend;

    /// <summary>The kind of exception that ended the request (e.g. "timeout"), or null.</summary>
    public string? Error;

    /// <summary>True when a whole 2xx response arrived.</summary>
    public readonly bool Succeeded => Error is null && Status is >= 200 and < 300;
}
