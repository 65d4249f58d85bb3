using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Web.Routing.TravelModels;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Routing;

/// <summary>
/// A company's own travel times, learned from its technicians' ping history: scheduled nightly for every company that
/// dispatches, startable by a dispatcher, promoted only when better on the company's recent held-out drives, and
/// never used by another company.
/// </summary>
public sealed class CompanyRetrainingTests
{
    private static readonly GeoPoint Campanha = new(41.1496, -8.5855);
    private static readonly GeoPoint CasaDaMusica = new(41.1588, -8.6307);

    [Fact]
    public async Task EveryDispatchingCompany_IsScheduledForThreeInTheNight_AndTheReminderStartsARun()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        var status = (await company.Dispatcher.GetFromJsonAsync<TravelModelDto>("/api/v1/dispatch/travel-model", ApiJson.Options))!;

        Assert.NotNull(status.NextRetraining);
        Assert.Equal(3, status.NextRetraining!.Value.UtcDateTime.Hour); // the company's zone is UTC
        Assert.InRange(status.NextRetraining.Value - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));

        // The reminder firing, as Orleans would deliver it: a run starts and, with no road graph here, says why it cannot learn.
        await app.Services.GetRequiredService<IClusterClient>().GetGrain<ITravelModelGrain>(company.TenantId)
            .ReceiveReminder(TravelModelSchedule.ReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromDays(1), DateTime.UtcNow));
        var after = await LearnedModels.WaitUntilReadyAsync(company.Dispatcher, s => s.Company);
        Assert.Equal("failed", after.Company.Stage);
        Assert.Contains("road graph", after.Company.Message);
    }

    [Fact]
    public async Task ACompanysPings_TeachItsOwnTravelTimes_WhichNoOtherCompanyGets()
    {
        using var app = new PortalFactory();
        app.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
        app.Settings["Routing:TravelModels:Directory"] = Path.Combine(Directory.CreateTempSubdirectory("orleansportal-company-models-").FullName, "models");
        var company = await TenantScenario.CreateAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Irrigation");
        await StoreTaxiTripsAsPingsAsync(app, company, trips: 400, technicians: 5);

        var accepted = await company.Dispatcher.PostAsync("/api/v1/dispatch/travel-model/retrain", null);
        var status = await LearnedModels.WaitUntilReadyAsync(company.Dispatcher, s => s.Company);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("ready", status.Company.Stage);
        Assert.NotNull(status.Company.ActiveVersion);
        Assert.StartsWith("MAPE", status.Company.LastDecision);
        var models = app.Services.GetRequiredService<CompanyTravelModels>();
        var nine = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var own = models.For(company.TenantId).Estimate(Campanha, CasaDaMusica, nine).Seconds;
        var city = models.For(other.TenantId).Estimate(Campanha, CasaDaMusica, nine).Seconds;
        Assert.True(own > 1.2 * city, $"own {own:F0} s against the free-flow {city:F0} s the other company still plans with");
        var others = (await other.Dispatcher.GetFromJsonAsync<TravelModelDto>("/api/v1/dispatch/travel-model", ApiJson.Options))!;
        Assert.Null(others.Company.ActiveVersion);
    }

    /// <summary>
    /// Porto taxi trips as if the company's technicians had driven them over the last four weeks, one every 90 minutes
    /// (so each is a drive of its own), written to the ping history the way ping ingestion writes it. Each drive takes
    /// <paramref name="slower"/> times as long as the taxi's did (a van in the same streets).
    /// </summary>
    internal static async Task StoreTaxiTripsAsPingsAsync(PortalFactory app, TenantScenario company, int trips, int technicians, double slower = 1.0)
    {
        var ids = new List<string>();
        for (var t = 0; t < technicians; t++) ids.Add((await company.AddTechnicianAsync($"Driver {t}")).Id);
        var source = Path.Combine(Path.GetDirectoryName(RouteGeometryApiTests.PortoExtract())!, "..", "gps", "porto", "train_1500.csv");
        var start = (app.Clock ?? TimeProvider.System).GetUtcNow().AddDays(-27); // business time: what training reads back from
        var records = new List<PingRecord>();
        var k = 0;
        foreach (var trip in PortoTraceCsv.Read(source).Take(trips))
        {
            var shift = start + TimeSpan.FromMinutes(90 * k) - trip.Start;
            var technician = ids[k++ % technicians];
            records.AddRange(trip.Fixes.Select(f => (Fix: f, At: trip.Start + shift + (f.At - trip.Start) * slower)).Select(x => new PingRecord(company.TenantId, technician,
                new GpsFix(x.At, x.Fix.Point.Latitude, x.Fix.Point.Longitude), x.At, IsOutlier: false)));
        }
        var history = app.Services.GetRequiredService<IPingHistory>();
        foreach (var batch in records.Chunk(2_000)) await history.StoreAsync(batch);
        await history.FlushAsync();
    }
}
