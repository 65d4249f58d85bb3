using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrleansPortal.Web.Admin;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// PostgreSQL out of reach (the app talks to it through a relay the test cuts): a write answers 503 with Retry-After,
/// names no server, and leaves nothing applied; anonymous health says only "unhealthy"; once the database is back,
/// the same request succeeds.
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
        var company = await TenantScenario.CreateAsync(app);
        var created = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = "cust-1",
            propertyId = "prop-1",
            location = new { latitude = 41.16, longitude = -8.62 },
            address = "Rua de Santa Catarina 1, Porto",
            description = "Sprinkler zone 3 does not turn on",
            requiredSkills = new[] { "irrigation" },
            estimatedMinutes = 60,
        });
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;
        var hold = new { status = "OnHold", reason = "customer asked to wait" };

        relay.Cut();
        var refused = await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", hold);
        var refusal = await refused.Content.ReadAsStringAsync();
        var anonymousHealth = await app.CreateClient().GetAsync("/health");
        var anonymousBody = await anonymousHealth.Content.ReadAsStringAsync();
        using var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Add(AdminKeyFilter.HeaderName, PortalFactory.AdminKey); // the operator
        var operatorHealth = await operatorClient.GetAsync("/health");
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

        // Back: the failed change was not applied, and the same request now succeeds.
        TicketDto? after = null;
        await Eventually.TrueAsync(async () =>
        {
            var read = await company.Dispatcher.GetAsync($"/api/v1/tickets/{ticket.Id}");
            if (!read.IsSuccessStatusCode) return false;
            after = await read.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options);
            return true;
        }, "the ticket is readable again");
        Assert.Equal("New", after!.Status);
        var retried = await company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/status", hold);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("OnHold", (await retried.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!.Status);
    }
}
