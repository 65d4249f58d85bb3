using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using Microsoft.Extensions.Options;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Puts learned travel times in place. At start-up, once the road graph is built, the newest stored model that fits it
/// is used; if there is none and <see cref="TravelModelOptions.TrainFrom"/> names a trace file, a model is trained from
/// it in the background (progress in <see cref="TravelModelStatus"/>). A trained model is promoted (stored and used)
/// only if it beats the travel times in use on trips held out of its training: one in five, by a hash of the trip id.
/// </summary>
public sealed class TravelModelTraining(
    RoadNetworkLoader loader,
    CompanyTravelModels companies,
    TravelModelStore store,
    TravelModelStatus status,
    IOptions<TravelModelOptions> options,
    ILogger<TravelModelTraining> log) : BackgroundService
{
    private const double HeldOutShare = 0.2;

    /// <summary>How often the store is looked at for models another node of the cluster promoted.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var graph = await Task.Run(() => loader.Graph, stoppingToken);
        if (graph is null) return;
        var stored = await Task.Run(() => store.LatestFor(graph), stoppingToken);
        if (stored is not null)
        {
            await Task.Run(() => loader.UseModel(stored), stoppingToken);
            status.Update(s => s with { Stage = "ready", Progress = 1, Message = null, ActiveVersion = stored.Version, ActiveTrainedAt = stored.TrainedAt, ActiveSummary = stored.Summary, SlotFactors = stored.SlotFactors });
        }
        else if (options.Value.TrainFrom is { } path)
        {
            await TrainAsync(graph, path, stoppingToken);
        }

        using var timer = new PeriodicTimer(RefreshInterval);
        do
        {
            await Task.Run(() => LoadCompanyModels(graph), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Each company's newest stored model, where it is newer than the one in use (promoted on this node or another).</summary>
    private void LoadCompanyModels(RoadGraph graph)
    {
        foreach (var tenant in store.Tenants())
        {
            var newest = store.NewestVersion(tenant);
            if (newest is null || (companies.IsOwn(tenant) && string.CompareOrdinal(companies.ModelFor(tenant)!.Version, newest) >= 0)) continue;
            if (store.LatestFor(graph, tenant) is { } model) companies.Use(tenant, new LearnedTravelTimeService(graph, model));
        }
    }

    /// <summary>Trains on the trips of a Porto-format file and promotes the result if it is better on the held-out trips.</summary>
    public async Task<ModelPromotion?> TrainAsync(RoadGraph graph, string path, CancellationToken cancellation)
    {
        try
        {
            status.Update(s => s with { Stage = "reading", Progress = 0, Message = Path.GetFileName(path) });
            var trips = await Task.Run(() => PortoTraceCsv.Read(path).ToList(), cancellation);
            var heldOut = trips.Where(t => IsHeldOut(t.Id)).ToList();
            var training = trips.Where(t => !IsHeldOut(t.Id)).ToList();
            var progress = new Progress<TrainingProgress>(p => status.Update(s => s with { Stage = p.Stage, Progress = p.Fraction, Message = $"{training.Count} trips" }));
            var model = await Task.Run(() => TravelTimeTrainer.Train(graph, training, new TrainingOptions { TimeZoneId = options.Value.TimeZone }, progress, cancellation), cancellation);

            status.Update(s => s with { Stage = "evaluating", Progress = 0, Message = $"{heldOut.Count} held-out trips" });
            var decision = await Task.Run(() =>
            {
                var candidate = new LearnedTravelTimeService(graph, model);
                var verdict = ModelPromotion.Decide(loader, candidate, EtaLegs.From(heldOut));
                if (verdict.Promote)
                {
                    store.Save(model);
                    loader.UseModel(candidate);
                }
                return verdict;
            }, cancellation);
            log.LogInformation("Travel-time model {Version}: {Decision}.", model.Version, decision.Reason);
            status.Update(s => s.Decided(model, decision));
            return decision;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            log.LogWarning(ex, "Cannot train travel times from {Path}.", path);
            status.Update(s => s with { Stage = "failed", Progress = 0, Message = ex.Message });
            return null;
        }
    }

    private static bool IsHeldOut(string tripId) => TravelTimeTrainer.StableHash(tripId) % 10_000 < HeldOutShare * 10_000;
}
