using Workbook.Balancing;
using Workbook.Capstone;

namespace Workbook.Tests.Capstone.Fixtures;

// Exercise 09.4 as the notebook's stub cell shows it.
// TODO: pick, send to instances[lease.Index], end the lease with the outcome, retry a failure once on another instance.
public sealed class RetryOnceRouterStub : IInstanceRouter
{
    public Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}

// Wrong answer: routes and reports correctly, but never retries.
public sealed class NoRetryRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        using Lease lease = balancer.Pick();
        try
        {
            HttpResponseMessage response = await client.GetAsync(new Uri(instances[lease.Index], pathAndQuery), cancellationToken);
            lease.Complete((int)response.StatusCode < 500);
            return response;
        }
        catch (HttpRequestException)
        {
            lease.Complete(success: false);
            throw;
        }
    }
}

// Wrong answer: retries, but on the very instance that just failed.
public sealed class SameInstanceRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        using Lease lease = balancer.Pick();
        var target = new Uri(instances[lease.Index], pathAndQuery);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                HttpResponseMessage response = await client.GetAsync(target, cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == 2)
                {
                    lease.Complete((int)response.StatusCode < 500);
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < 2)
            {
            }
            catch (HttpRequestException)
            {
                lease.Complete(success: false);
                throw;
            }
        }
    }
}

// Wrong answer: keeps retrying on the next instance until something succeeds (a retry storm when all are overloaded).
public sealed class RetryForeverRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        while (true)
        {
            using Lease lease = balancer.Pick();
            try
            {
                HttpResponseMessage response = await client.GetAsync(new Uri(instances[lease.Index], pathAndQuery), cancellationToken);
                bool ok = (int)response.StatusCode < 500;
                lease.Complete(ok);
                if (ok)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException)
            {
                lease.Complete(success: false);
            }
        }
    }
}

// Wrong answer: retries correctly but never ends its leases, so the balancer counts them outstanding for ever.
public sealed class LeakyLeaseRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        int failed = -1;
        for (int attempt = 1; ; attempt++)
        {
            Lease lease = balancer.Pick();
            if (lease.Index == failed)
            {
                lease = balancer.Pick();
            }

            try
            {
                HttpResponseMessage response = await client.GetAsync(new Uri(instances[lease.Index], pathAndQuery), cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == 2)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < 2)
            {
            }

            failed = lease.Index;
        }
    }
}

// Wrong answer: asks the balancer, then sends every request to the first instance anyway.
public sealed class FirstInstanceRouter : IInstanceRouter
{
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, IBalancer balancer, IReadOnlyList<Uri> instances, string pathAndQuery, CancellationToken cancellationToken)
    {
        using Lease lease = balancer.Pick();
        HttpResponseMessage response = await client.GetAsync(new Uri(instances[0], pathAndQuery), cancellationToken);
        lease.Complete((int)response.StatusCode < 500);
        return response;
    }
}
