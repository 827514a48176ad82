using Workbook.Balancing;

namespace Workbook.Capstone;

/// <summary>The library's answer to checkpoint 09.4: pick, send, report; on failure pick a different instance and try once more.</summary>
/// <remarks>Stateless (the balancer holds the state), so one instance serves every request at once.</remarks>
internal sealed class FailoverRouter : IInstanceRouter
{
    private const int MaxAttempts = 2;

    public async Task<HttpResponseMessage> SendAsync(
        HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        int failedIndex = -1;
        for (int attempt = 1; ; attempt++)
        {
            using Lease lease = PickAvoiding(balancer, failedIndex, instances.Count);
            try
            {
                HttpResponseMessage response = await client.GetAsync(
                    new Uri(instances[lease.Index], pathAndQuery), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                bool served = (int)response.StatusCode < 500;
                lease.Complete(served ? RequestOutcome.Success : RequestOutcome.Failure);
                if (served || attempt == MaxAttempts)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                lease.Complete(RequestOutcome.Cancelled);
                throw;
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                // The instance is down (refused or reset): worth one more try on another instance.
                lease.Complete(RequestOutcome.Failure);
            }
            catch (Exception)
            {
                lease.Complete(RequestOutcome.Failure);
                throw;
            }

            failedIndex = lease.Index;
        }
    }

    private static Lease PickAvoiding(IBalancer balancer, int avoid, int instances)
    {
        Lease lease = balancer.Pick();
        // A load-aware policy may well offer the instance that just failed (it looks idle): ask again, a bounded number of times.
        for (int tries = 1; lease.Index == avoid && tries < instances; tries++)
        {
            lease.Dispose();
            lease = balancer.Pick();
        }

        return lease;
    }
}
