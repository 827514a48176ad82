namespace Workbook.Balancing.Farm;

/// <summary>One attempt to forward a request to a backend, as recorded when <see cref="ProxyOptions.RecordAttempts"/> is on.</summary>
/// <param name="Start">When the attempt started, from the proxy's start on its clock.</param>
/// <param name="End">When the backend's response headers arrived or the attempt failed.</param>
/// <param name="Backend">The backend's index in the farm.</param>
/// <param name="IsTrial">Whether it was the single half-open trial of an ejected backend.</param>
/// <param name="Outcome">How it ended for the balancer.</param>
public readonly record struct ProxyAttempt(TimeSpan Start, TimeSpan End, int Backend, bool IsTrial, RequestOutcome Outcome);
