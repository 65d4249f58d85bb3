using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// A company with thousands of technicians, each with a device token, made through the public API as an operator
/// and a dispatcher would (admin key, login, create, issue).
/// </summary>
internal sealed record PingFleet(string Cookie, string[] Tokens, string[] TechnicianIds)
{
    public static async Task<PingFleet> CreateAsync(HttpClient http, string adminKey, int technicians, Action<string> progress)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "benchmark-password";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/companies")
        {
            Content = JsonContent.Create(new { name = "Benchmark Fleet", dispatcher = new { email, displayName = "Bench", password } }),
        })
        {
            request.Headers.Add("X-Admin-Key", adminKey);
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var tokens = new string[technicians];
        var ids = new string[technicians];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, technicians), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var create = Authorized(HttpMethod.Post, "/api/v1/technicians", cookie, new { name = $"Tech {i:D5}", skills = new[] { "hvac" } });
            var created = await (await http.SendAsync(create, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
            ids[i] = created.GetProperty("id").GetString()!;
            using var issue = Authorized(HttpMethod.Post, $"/api/v1/technicians/{ids[i]}/devices?setup=false", cookie, new { label = "bench" });
            var issued = await (await http.SendAsync(issue, ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
            tokens[i] = issued.GetProperty("token").GetString()!;
            if (Interlocked.Increment(ref done) % 2000 == 0) progress($"{done} of {technicians} technicians created");
        });
        return new PingFleet(cookie, tokens, ids);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string cookie, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        return request;
    }
}
