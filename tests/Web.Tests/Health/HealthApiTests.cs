using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Health;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Health_IsHealthy_AndItsHeartbeatIsStoredInSqlite()
    {
        using var app = new PortalFactory();
        var client = app.CreateClient();

        var first = await client.GetFromJsonAsync<HealthDto>("/health");
        var second = await client.GetFromJsonAsync<HealthDto>("/health");

        Assert.Equal("Healthy", first!.Status);
        Assert.Equal(first.Heartbeats + 1, second!.Heartbeats);
    }

    [Fact]
    public async Task Health_WorksOnPostgreSql_AndHeartbeatsSurviveARestart()
    {
        await using var database = new PostgresDatabase();
        await database.InitializeAsync();
        long before;
        using (var app = database.App())
            before = (await app.CreateClient().GetFromJsonAsync<HealthDto>("/health"))!.Heartbeats;

        using var restarted = database.App();
        var after = await restarted.CreateClient().GetFromJsonAsync<HealthDto>("/health");

        Assert.Equal(before + 1, after!.Heartbeats);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheHealthEndpoint()
    {
        using var app = new PortalFactory();

        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/health\"", document);
    }

    [Fact]
    public async Task UnknownPath_AnswersWithProblemDetails()
    {
        using var app = new PortalFactory();

        var response = await app.CreateClient().GetAsync("/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
