using Workbook.Balancing.Farm;
using Workbook.Tests.Networking;

namespace Workbook.Tests.Balancing.Farm;

/// <summary>
/// Base for farm tests: every farm and proxy started through it is disposed after the test, and the
/// test fails if any of their ports still listens then (the networking tests' <see cref="LoopbackTest"/>).
/// </summary>
public abstract class FarmTest : LoopbackTest
{
    protected async Task<BackendFarm> StartFarmAsync(FarmOptions? options = null)
    {
        BackendFarm farm = await BackendFarm.StartAsync(options).WaitAsync(Timeout);
        return Own(farm, farm.Select(b => b.Port));
    }

    protected async Task<LoadBalancingProxy> StartProxyAsync(BackendFarm farm, ProxyOptions? options = null)
    {
        LoadBalancingProxy proxy = await LoadBalancingProxy.StartAsync(farm, options).WaitAsync(Timeout);
        return Own(proxy, [proxy.Port]);
    }

    protected async Task<YarpFarmProxy> StartYarpAsync(BackendFarm farm, string policy)
    {
        YarpFarmProxy proxy = await YarpFarmProxy.StartAsync(farm, policy).WaitAsync(Timeout);
        return Own(proxy, [proxy.Port]);
    }

    /// <summary>GETs a URL and returns the status, the answering backend and the body.</summary>
    protected static async Task<(int Status, string? Backend, string Body)> GetAsync(HttpClient client, Uri url)
    {
        using HttpResponseMessage response = await client.GetAsync(url).WaitAsync(Timeout);
        string body = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        string? backend = response.Headers.TryGetValues("X-Backend", out var names) ? names.Single() : null;
        return ((int)response.StatusCode, backend, body);
    }
}
