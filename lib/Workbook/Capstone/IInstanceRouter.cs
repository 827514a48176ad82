using Workbook.Balancing;

namespace Workbook.Capstone;

/// <summary>
/// Checkpoint 09.4: sends one GET to one of several service instances chosen by a balancer, and
/// retries it <b>once</b>, on a <b>different</b> instance, when the first attempt fails.
/// </summary>
/// <remarks>
/// The contract: take a lease with <see cref="IBalancer.Pick"/> and send to
/// <c>instances[lease.Index]</c>. An attempt fails when it throws <see cref="HttpRequestException"/>
/// (the instance is down) or answers 5xx (overloaded or broken). End every lease exactly once, with
/// the attempt's outcome, so the balancer's counts stay right. After a failed attempt, pick again;
/// if the balancer offers the instance that just failed, end that lease (as cancelled) and pick
/// again, at most as many times as there are instances. Send at most two attempts per call: more
/// retries would multiply the load on a service that is already overloaded. Return the last
/// response (a 5xx if both failed) or rethrow the last exception. Cancellation passes through.
/// </remarks>
public interface IInstanceRouter
{
    /// <summary>Sends GET <paramref name="pathAndQuery"/> to a balanced instance, retrying a failure once elsewhere.</summary>
    /// <param name="client">The client to send with.</param>
    /// <param name="balancer">The policy; its backend indices index <paramref name="instances"/>.</param>
    /// <param name="instances">Each instance's base address, by backend index.</param>
    /// <param name="pathAndQuery">The path and query to request, e.g. <c>/quote?key=7</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response of the last attempt.</returns>
    Task<HttpResponseMessage> SendAsync(
        HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken);
}
