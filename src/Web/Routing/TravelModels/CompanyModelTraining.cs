using System.Collections.Concurrent;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Retrains a company's travel times from its own ping history (started nightly by <see cref="TravelModelGrain"/>, or by
/// a dispatcher). The last <see cref="History"/> of every technician's pings are cut into drives
/// (<see cref="PingTraces"/>); half of the last week's drives (by a hash of the drive's id) are held out, the rest
/// trained on, and the new model is promoted (stored, and planned with from then on) only if it estimates the held-out
/// drives better than what the company uses now. One run per company at a time; runs go on in the background and
/// report their stage and progress in the company's <see cref="TravelModelStatus"/>.
/// </summary>
public sealed class CompanyModelTraining(
    CompanyTravelModels companies,
    TravelModelStore store,
    ITechnicianRoster roster,
    IPingHistory pings,
    DomainClock clock,
    IHostApplicationLifetime lifetime,
    ILogger<CompanyModelTraining> log) : ICompanyModelTrainer
{
    public static readonly TimeSpan History = TimeSpan.FromDays(28);
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    /// <summary>Fewer drives than this to train on teach the model less than the city's traces already did.</summary>
    public const int MinimumDrives = 30;

    private const int PingsPerTechnician = 500_000;

    private readonly ConcurrentDictionary<string, TravelModelStatus> _status = new();
    private readonly ConcurrentDictionary<string, Task> _running = new();

    /// <summary>The company's training as it runs or last ran; before any run here, its own model (if one was loaded).</summary>
    public TravelModelSnapshot StatusOf(string tenantId)
    {
        if (_status.TryGetValue(tenantId, out var status)) return status.Current;
        var own = companies.IsOwn(tenantId) ? companies.ModelFor(tenantId) : null;
        return new TravelModelSnapshot("idle", 0, null, own?.Version, own?.TrainedAt, own?.Summary, null, own?.SlotFactors);
    }

    public void Start(string tenantId, string timeZoneId)
    {
        var status = _status.GetOrAdd(tenantId, _ => new TravelModelStatus());
        lock (_running)
        {
            if (_running.TryGetValue(tenantId, out var run) && !run.IsCompleted) return;
            // Said before the run is scheduled, so whoever started it (and reads the status at once) sees it running.
            status.Update(s => s with { Stage = "reading", Progress = 0, Message = "ping history" });
            _running[tenantId] = Task.Run(() => TrainAsync(tenantId, timeZoneId, status, lifetime.ApplicationStopping));
        }
    }

    /// <summary>The run in progress for the company, if any; for tests and shutdown.</summary>
    public Task Running(string tenantId) => _running.TryGetValue(tenantId, out var run) ? run : Task.CompletedTask;

    private async Task TrainAsync(string tenantId, string timeZoneId, TravelModelStatus status, CancellationToken cancellation)
    {
        try
        {
            var graph = companies.Graph;
            if (graph is null)
            {
                status.Update(s => s with { Stage = "failed", Progress = 0, Message = "There is no road graph to learn travel times on." });
                return;
            }
            status.Update(s => s with { Stage = "reading", Progress = 0, Message = "ping history" });
            var now = clock.GetUtcNow();
            var drives = await ReadDrivesAsync(tenantId, now - History, now, status, cancellation);
            var heldOut = drives.Where(d => d.Start >= now - Recent && TravelTimeTrainer.StableHash(d.Id) % 2 == 0).ToList();
            var training = drives.Except(heldOut).ToList();
            var heldOutLegs = EtaLegs.ByTime(heldOut);
            if (training.Count < MinimumDrives || heldOutLegs.Count < ModelPromotion.MinimumLegs)
            {
                status.Update(s => s with
                {
                    Stage = "ready", Progress = 1, Message = null,
                    LastDecision = $"Not enough driving yet: {training.Count} drives to learn from (at least {MinimumDrives}) and {heldOutLegs.Count} recent legs to judge on (at least {ModelPromotion.MinimumLegs}).",
                });
                return;
            }

            var progress = new Progress<TrainingProgress>(p => status.Update(s => s with { Stage = p.Stage, Progress = p.Fraction, Message = $"{training.Count} drives" }));
            var model = TravelTimeTrainer.Train(graph, training, new TrainingOptions { TimeZoneId = timeZoneId }, progress, cancellation);
            status.Update(s => s with { Stage = "evaluating", Progress = 0, Message = $"{heldOut.Count} recent held-out drives" });
            var candidate = new LearnedTravelTimeService(graph, model);
            var decision = ModelPromotion.Decide(companies.For(tenantId), candidate, heldOutLegs);
            if (decision.Promote)
            {
                store.Save(model, tenantId);
                companies.Use(tenantId, candidate);
            }
            log.LogInformation("Travel-time model {Version} for {Tenant}: {Decision}.", model.Version, tenantId, decision.Reason);
            status.Update(s => s.Decided(model, decision));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            status.Update(s => s with { Stage = "idle", Progress = 0, Message = "Stopped with the app." });
        }
        catch (Exception ex)
        {
            // A background run has nobody to throw to: the status is where the failure is seen.
            log.LogError(ex, "Retraining travel times for {Tenant} failed.", tenantId);
            status.Update(s => s with { Stage = "failed", Progress = 0, Message = ex.Message });
        }
    }

    private async Task<List<TracedTrip>> ReadDrivesAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, TravelModelStatus status, CancellationToken cancellation)
    {
        var technicians = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await roster.ListAsync(tenantId, after, TechnicianRoster.MaxPageSize, cancellation);
            technicians.AddRange(page.Select(e => e.TechnicianId));
            if (page.Count < TechnicianRoster.MaxPageSize) break;
            after = page[^1].TechnicianId;
        }
        var drives = new List<TracedTrip>();
        for (var i = 0; i < technicians.Count; i++)
        {
            var track = await pings.ReadTrackAsync(tenantId, technicians[i], from, to, PingsPerTechnician, cancellation);
            drives.AddRange(PingTraces.Split(technicians[i], track));
            var done = i + 1;
            status.Update(s => s with { Progress = (double)done / technicians.Count, Message = $"ping history: {done} of {technicians.Count} technicians, {drives.Count} drives" });
        }
        return drives;
    }
}
