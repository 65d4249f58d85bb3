using System.Net.Http.Json;

namespace OrleansPortal.Testing.Workload;

/// <summary>One fix from a technician's phone, as our JSON batch API takes it.</summary>
public sealed record Ping(string Token, DateTimeOffset Time, double Latitude, double Longitude);

public static class Pings
{
    /// <summary>Posts one batch to POST /api/v1/pings; a 200 is the node's acknowledgement.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, IEnumerable<Ping> pings) =>
        http.PostAsJsonAsync("/api/v1/pings", new
        {
            pings = pings.Select(p => new { device = p.Token, time = p.Time, lat = p.Latitude, lon = p.Longitude, speed = 1.5, accuracy = 5 }),
        });
}
