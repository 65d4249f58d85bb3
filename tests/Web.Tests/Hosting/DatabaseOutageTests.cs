using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Testing;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// PostgreSQL out of reach (the app talks to it through a relay the test cuts): a write answers 503 with Retry-After,
/// names no server, and leaves nothing applied; a ping is refused with 503 too, so the phone keeps it; the track
/// answers 503 instead of hanging for the outage; anonymous health says only "unhealthy"; once the database is back,
/// the refused change and the refused ping, sent again, are stored.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task WhileTheDatabaseIsUnreachable_AWriteIs503WithRetryAfter_AndAppliesNothing()
    {
        var target = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var relay = new TcpRelay(target.Host!, target.Port);
        using var app = new PortalFactory();
        app.Settings["Storage:Provider"] = "PostgreSql";
        app.Settings["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        // Dispatch plans nothing on its own here: only the ticket and the ping history write during the outage.
        var company = await TenantScenario.CreateWithManualDispatchAsync(app);
        var site = await company.SiteAsync();
        var created = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = site.CustomerId,
            propertyId = site.PropertyId,
            location = new { latitude = 41.16, longitude = -8.62 },
            address = "Rua de Santa Catarina 1, Porto",
            description = "Sprinkler zone 3 does not turn on",
            requiredSkills = new[] { "irrigation" },
            estimatedMinutes = 60,
        });
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;
        var hold = new { status = "OnHold", reason = "customer asked to wait" };
        var technician = await company.AddTechnicianAsync();
        using var phone = app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", (await company.IssueTokenAsync(technician.Id)).Token);

        relay.Cut();
        var refused = await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", hold);
        var refusal = await refused.Content.ReadAsStringAsync();
        var anonymousHealth = await app.CreateClient().GetAsync("/health");
        var anonymousBody = await anonymousHealth.Content.ReadAsStringAsync();
        using var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Add(AdminKeyFilter.HeaderName, PortalFactory.AdminKey); // the operator
        var operatorHealth = await operatorClient.GetAsync("/health");
        // A ping the history cannot store: refused, since the app deletes a fix once it is answered 200.
        var ping = new { pings = new object[] { new { time = DateTimeOffset.UtcNow.AddSeconds(-5), lat = 41.15, lon = -8.61 } } };
        var refusedPing = await phone.PostAsJsonAsync("/api/v1/pings", ping);
        var track = await company.Dispatcher.GetAsync($"/api/v1/technicians/{technician.Id}/track");
        relay.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(relay.Port.ToString(), refusal);
        Assert.DoesNotContain("127.0.0.1", refusal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, anonymousHealth.StatusCode);
        Assert.Contains("Unhealthy", anonymousBody);
        Assert.DoesNotContain("127.0.0.1", anonymousBody);
        Assert.DoesNotContain(relay.Port.ToString(), anonymousBody);
        Assert.Contains("storage round-trip", await operatorHealth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedPing.StatusCode);
        Assert.NotNull(refusedPing.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, track.StatusCode);

        // Back: the failed change was not applied, and retrying it at once succeeds and leaves one audit entry.
        HttpResponseMessage retried = null!;
        await Eventually.TrueAsync(async () =>
        {
            retried = await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", hold);
            return retried.StatusCode != HttpStatusCode.ServiceUnavailable; // the pool may still hand out a dead connection
        }, "the database takes writes again");
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var after = (await retried.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;
        Assert.Equal("OnHold", after.Status);
        Assert.Equal(ticket.Audit.Count + 1, after.Audit.Count);
        // The phone sends the refused ping again; once answered, it is in the track.
        await Eventually.TrueAsync(async () => (await phone.PostAsJsonAsync("/api/v1/pings", ping)).StatusCode != HttpStatusCode.ServiceUnavailable, "the ping is taken");
        var stored = await company.Dispatcher.GetAsync($"/api/v1/technicians/{technician.Id}/track");
        Assert.Contains("-8.61", await stored.Content.ReadAsStringAsync());
    }
}
