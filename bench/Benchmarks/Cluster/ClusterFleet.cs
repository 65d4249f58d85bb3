using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Cluster;

/// <summary>
/// A company made through node A's public API as an operator and a dispatcher would (admin key, login, create, issue):
/// technicians with device tokens, and for the writes of record a customer and a few work orders (dispatch's automatic
/// assignment off, so nothing but the benchmark changes them).
/// </summary>
internal sealed record ClusterFleet(string TenantId, string Cookie, string[] TechnicianIds, string[] Tokens, string CustomerId, string[] Tickets)
{
    public static async Task<ClusterFleet> CreateAsync(HttpClient http, string adminKey, int technicians, int tickets, Action<string> progress)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "benchmark-password";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/companies")
        {
            Content = JsonContent.Create(new { name = "Cluster Benchmark", dispatcher = new { email, displayName = "Bench", password } }),
        })
        {
            request.Headers.Add("X-Admin-Key", adminKey);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var tenantId = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenantId").GetString()!;
        (await SendAsync(http, HttpMethod.Put, "/api/v1/dispatch/settings", cookie, new { autoAssign = false })).Dispose();

        var ids = new string[technicians];
        var tokens = new string[technicians];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, technicians), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var created = await ReadAsync(http, HttpMethod.Post, "/api/v1/technicians", cookie, new { name = $"Tech {i:D5}", skills = new[] { "hvac" } });
            ids[i] = created.GetProperty("id").GetString()!;
            tokens[i] = (await ReadAsync(http, HttpMethod.Post, $"/api/v1/technicians/{ids[i]}/devices?setup=false", cookie, new { label = "bench" })).GetProperty("token").GetString()!;
            if (Interlocked.Increment(ref done) % 250 == 0) progress($"{done} of {technicians} technicians created");
        });

        var customerId = (await ReadAsync(http, HttpMethod.Post, "/api/v1/customers", cookie, new { name = "Benchmark household", kind = "Residential" })).GetProperty("id").GetString()!;
        var propertyId = (await ReadAsync(http, HttpMethod.Post, $"/api/v1/customers/{customerId}/properties", cookie, new
        {
            name = "Home",
            address = "Rua de Santa Catarina 1, Porto",
            location = new { latitude = 41.15, longitude = -8.61 },
        })).GetProperty("id").GetString()!;
        var ticketIds = new string[tickets];
        for (var i = 0; i < tickets; i++)
        {
            ticketIds[i] = (await ReadAsync(http, HttpMethod.Post, "/api/v1/tickets", cookie, new
            {
                customerId,
                propertyId,
                location = new { latitude = 41.15, longitude = -8.61 },
                address = "Rua de Santa Catarina 1, Porto",
                description = $"Benchmark job {i}",
                estimatedMinutes = 60,
            })).GetProperty("id").GetString()!;
        }

        return new ClusterFleet(tenantId, cookie, ids, tokens, customerId, ticketIds);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string cookie, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> ReadAsync(HttpClient http, HttpMethod method, string path, string cookie, object body)
    {
        using var response = await SendAsync(http, method, path, cookie, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
