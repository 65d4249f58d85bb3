using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Routing;
using OrleansPortal.Web.Routing.TravelModels;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Routing;

/// <summary>
/// Learned travel times in the running app: trained at start-up from a trace file when no stored model fits the road
/// graph, promoted only after beating free-flow times on held-out trips, stored, and picked up from the store by the
/// next start without training again. Their status is for dispatchers only.
/// </summary>
public sealed class TravelModelApiTests
{
    private static readonly GeoPoint Campanha = new(41.1496, -8.5855);
    private static readonly GeoPoint CasaDaMusica = new(41.1588, -8.6307);

    [Fact]
    public async Task TheStatus_IsForDispatchersOnly_AndSaysFreeFlowWhenNothingWasLearned()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        var anonymous = await app.CreateClient().GetAsync("/api/v1/dispatch/travel-model");
        var status = (await company.Dispatcher.GetFromJsonAsync<TravelModelDto>("/api/v1/dispatch/travel-model", ApiJson.Options))!;

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("idle", status.City.Stage);
        Assert.Null(status.City.ActiveVersion);
        Assert.Null(status.Company.ActiveVersion);
    }

    [Fact]
    public async Task ATraceFile_IsLearnedAtStartUp_Promoted_Stored_AndReadBackByTheNextStart()
    {
        var directory = Directory.CreateTempSubdirectory("orleansportal-travel-models-").FullName;
        try
        {
            var models = Path.Combine(directory, "models");
            string version;
            double learnedSeconds;
            using (var app = new PortalFactory())
            {
                app.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
                app.Settings["Routing:TravelModels:Directory"] = models;
                app.Settings["Routing:TravelModels:TrainFrom"] = LearnedModels.TraceFile(directory, trips: 400);
                var company = await TenantScenario.CreateAsync(app);
                var freeFlow = new RoadNetworkTravelTimeService(app.Services.GetRequiredService<RoadNetworkLoader>().Graph!).Estimate(Campanha, CasaDaMusica);

                var status = await LearnedModels.WaitUntilReadyAsync(company.Dispatcher);

                Assert.Equal("ready", status.Stage);
                Assert.NotNull(status.ActiveVersion);
                Assert.StartsWith("MAPE", status.LastDecision);
                Assert.InRange(status.ActiveSummary!.Trips, 280, 360); // about four in five of the 400 trips; the rest judge it
                Assert.Single(Directory.GetFiles(models, "*.ttm"));
                // What the grains plan with now: slower than free flow, as Porto's taxis were.
                learnedSeconds = app.Services.GetRequiredService<ITravelTimeService>().Estimate(Campanha, CasaDaMusica, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)).Seconds;
                Assert.True(learnedSeconds > 1.2 * freeFlow.Seconds, $"learned {learnedSeconds:F0} s, free flow {freeFlow.Seconds:F0} s");
                version = status.ActiveVersion!;
            }

            using (var again = new PortalFactory())
            {
                again.Settings["Routing:Extract"] = RouteGeometryApiTests.PortoExtract();
                again.Settings["Routing:TravelModels:Directory"] = models;
                var company = await TenantScenario.CreateAsync(again);

                var status = await LearnedModels.WaitUntilReadyAsync(company.Dispatcher);

                Assert.Equal(version, status.ActiveVersion);
                Assert.Null(status.LastDecision); // read from the store, not trained
                var seconds = again.Services.GetRequiredService<ITravelTimeService>().Estimate(Campanha, CasaDaMusica, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)).Seconds;
                Assert.Equal(learnedSeconds, seconds, 6);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
