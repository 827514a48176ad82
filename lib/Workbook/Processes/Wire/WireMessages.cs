using System.Text.Json.Serialization;

namespace Workbook.Processes.Wire;

// This file is compiled into both Workbook.dll and Workbook.Worker.dll (linked), so the two
// sides of the pipe can never disagree about the shape of a message.

/// <summary>Message kinds and operation names as they travel on the "work" channel.</summary>
internal static class WireNames
{
    public const string WorkChannel = "work";
    public const string LogChannel = "log";

    public const string Run = "run";
    public const string Cancel = "cancel";

    public const string Ok = "ok";
    public const string Error = "error";
    public const string Cancelled = "cancelled";

    public const string Primes = "primes";
    public const string Spin = "spin";
    public const string Sleep = "sleep";
    public const string Echo = "echo";
    public const string Crash = "crash";
    public const string Throw = "throw";
    public const string Pid = "pid";

    public const string Info = "info";
    public const string Progress = "progress";
}

/// <summary>Parent to child: run an operation, or cancel a request that is queued or running.</summary>
internal sealed record WireRequest(
    string Kind,
    long Id,
    string? Operation = null,
    string? Label = null,
    long A = 0,
    long B = 0,
    string? Text = null);

/// <summary>Child to parent on the "work" channel: the outcome of one request.</summary>
internal sealed record WireReply(
    long Id,
    string Status,
    long Value = 0,
    string? Text = null,
    string? ErrorType = null,
    string? Error = null,
    double ElapsedMs = 0);

/// <summary>Child to parent on the "log" channel: progress and chatter about a request.</summary>
internal sealed record WireLog(
    long Id,
    string? Label,
    string Kind,
    string Message,
    double? Progress = null);

/// <summary>Source-generated serializers: no reflection warm-up in the child, which keeps start-up short.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireRequest))]
[JsonSerializable(typeof(WireReply))]
[JsonSerializable(typeof(WireLog))]
internal sealed partial class WireJson : JsonSerializerContext;
