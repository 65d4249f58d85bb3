using System.Buffers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Fleet;

/// <summary>The public API as an operator, a dispatcher and phones use it: a company, a sign-in, technicians, device tokens, pings.</summary>
internal sealed class FleetApi(HttpClient http, string adminKey)
{
    private const string Password = "benchmark-password";

    /// <summary>Creates a company with its dispatcher; returns the dispatcher's email.</summary>
    public async Task<string> CreateCompanyAsync(string name)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/companies")
        {
            Content = JsonContent.Create(new { name, dispatcher = new { email, displayName = "Bench", password = Password } }),
        };
        request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response);
        return email;
    }

    /// <summary>Signs the dispatcher in; returns the auth cookie ("name=value").</summary>
    public async Task<string> SignInAsync(string email)
    {
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        await EnsureAsync(login);
        return login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    /// <summary>POST /api/v1/technicians; returns the new technician's id.</summary>
    public async Task<string> CreateTechnicianAsync(string cookie, string name, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, "/api/v1/technicians", cookie, new { name, skills = new[] { "hvac" } });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
    }

    /// <summary>POST /api/v1/technicians/{id}/devices; returns the device token.</summary>
    public async Task<string> IssueTokenAsync(string cookie, string technicianId, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"/api/v1/technicians/{technicianId}/devices?setup=false", cookie, new { label = "bench" });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;
    }

    /// <summary>One ping per device, in JSON batches of at most 100 (POST /api/v1/pings), a minute ago, spread over Porto.</summary>
    public async Task PingOnceAsync(IReadOnlyList<string> tokens)
    {
        var time = DateTimeOffset.UtcNow.AddMinutes(-1);
        foreach (var chunk in tokens.Select((token, i) => (token, i)).Chunk(100))
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("pings");
                foreach (var (token, i) in chunk)
                {
                    json.WriteStartObject();
                    json.WriteString("device", token);
                    json.WriteString("time", time);
                    json.WriteNumber("lat", 41.10 + i % 100 * 0.001);
                    json.WriteNumber("lon", -8.65 + i / 100 * 0.001);
                    json.WriteNumber("speed", 8);
                    json.WriteNumber("heading", 90);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            using var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/api/v1/pings", content);
            await EnsureAsync(response);
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string cookie, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
