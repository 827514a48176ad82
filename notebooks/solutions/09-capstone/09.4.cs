// Exercise 09.4: Route, report, retry once elsewhere
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Workbook.Balancing;
using Workbook.Capstone;

// Reference solution: one lease per attempt, ended with the attempt's outcome; a 5xx or a dead instance
// gets one more attempt on a different instance, never more (retries add load to an overloaded service).
public sealed class RetryOnceRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(
        HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        int failed = -1;
        for (int attempt = 1; ; attempt++)
        {
            using var lease = PickOtherThan(balancer, failed, instances.Count);
            try
            {
                var response = await client.GetAsync(new Uri(instances[lease.Index], pathAndQuery), cancellationToken);
                bool served = (int)response.StatusCode < 500;
                lease.Complete(served ? RequestOutcome.Success : RequestOutcome.Failure);
                if (served || attempt == 2)
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
            catch (HttpRequestException) when (attempt < 2)
            {
                lease.Complete(RequestOutcome.Failure);   // the instance is down; try another one
            }
            catch
            {
                lease.Complete(RequestOutcome.Failure);
                throw;
            }

            failed = lease.Index;
        }
    }

    private static Lease PickOtherThan(IBalancer balancer, int avoid, int instances)
    {
        var lease = balancer.Pick();
        for (int tries = 1; lease.Index == avoid && tries < instances; tries++)
        {
            lease.Dispose();                              // ends as cancelled: no harm to the count
            lease = balancer.Pick();
        }

        return lease;
    }
}
