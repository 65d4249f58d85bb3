using System.Text.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Tracking;

/// <summary>Tracking end to end on PostgreSQL, including a restart: the position comes back from the ping history.</summary>
public sealed class PostgresTrackingTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private PortalFactory App() => _database.App();

    [Fact]
    public async Task PingsAreStoredOnPostgreSql_AndThePositionSurvivesARestart()
    {
        string tenantEmail, techId;
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        using (var app = App())
        {
            var company = await TenantScenario.CreateAsync(app);
            tenantEmail = company.Email;
            var tech = await company.AddTechnicianAsync();
            techId = tech.Id;
            var device = await company.IssueTokenAsync(tech.Id);
            for (var i = 0; i < 3; i++)
                await app.CreateClient().GetAsync($"/gps/osmand?id={device.Token}&timestamp={t0.AddSeconds(15 * i).ToUnixTimeSeconds()}&lat={41.15 + i * 0.001}&lon=-8.61");

            using var track = JsonDocument.Parse(await company.Dispatcher.GetStringAsync($"/api/v1/technicians/{tech.Id}/track"));
            Assert.Equal(3, track.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        }

        using var restarted = App();
        var again = await TenantScenario.SignInAsync(restarted, tenantEmail);
        var seen = await again.GetTechnicianAsync(techId);

        Assert.Equal(41.152, seen.Position!.Lat, 6);
        Assert.Equal(t0.AddSeconds(30).ToUnixTimeSeconds(), seen.Position.Time.ToUnixTimeSeconds());
    }
}
