namespace OrleansPortal.Testing.Workload;

/// <summary>What a chaos round does to the app or its database while the load runs.</summary>
public enum ChaosFault
{
    /// <summary>SIGKILL of the app, then a restart.</summary>
    Kill,

    /// <summary>The database goes away for a few seconds while the app keeps running.</summary>
    Outage,

    /// <summary>The database goes away, the app is killed during the outage, then both come back.</summary>
    OutageThenKill,
}

/// <summary>The app and its database, as chaos breaks and restores them.</summary>
public interface IChaosTarget
{
    Task KillAppAsync();

    /// <summary>Starts the app again at the same address and waits until it is healthy.</summary>
    Task StartAppAsync();

    Task StopDatabaseAsync();

    Task StartDatabaseAsync();
}

/// <summary>
/// Every write so far judged against the database: lost (acknowledged, not stored) and phantom (refused with an
/// error answer, stored all the same). Each entry names the write.
/// </summary>
public sealed record ChaosTally(int Acknowledged, int Refused, IReadOnlyList<string> Lost, IReadOnlyList<string> Phantom);

/// <summary>
/// Rounds of load (a dispatcher's writes and a fleet's pings), a fault at a random moment, recovery, more load; then
/// every write of every round is looked up in the database. Random but repeatable: the seed fixes the moments.
/// </summary>
public sealed class ChaosRun(IChaosTarget target, OfficeWrites writes, PingTraffic pings, StoredWrites stored, string tenantId, int seed)
{
    private readonly Random _random = new(seed);

    public async Task RoundAsync(ChaosFault fault, string name)
    {
        writes.Start(name);
        pings.Start();
        await Task.Delay(Between(1_500, 4_000));
        switch (fault)
        {
            case ChaosFault.Kill:
                await target.KillAppAsync();
                await target.StartAppAsync();
                break;
            case ChaosFault.Outage:
                await target.StopDatabaseAsync();
                await Task.Delay(Between(1_000, 5_000));
                await target.StartDatabaseAsync();
                break;
            case ChaosFault.OutageThenKill:
                await target.StopDatabaseAsync();
                await Task.Delay(Between(500, 3_000));
                await target.KillAppAsync();
                await target.StartDatabaseAsync();
                await target.StartAppAsync();
                break;
        }

        await Task.Delay(Between(1_000, 2_000)); // load again after the recovery
        await writes.StopAsync();
        await pings.StopAsync();
    }

    public async Task<ChaosTally> TallyAsync()
    {
        var acknowledged = writes.Acknowledged.ToList();
        var refused = writes.Refused.ToList();
        var found = await stored.MarkersFoundAsync(acknowledged.Concat(refused).Select(w => w.Marker));
        var storedPings = await stored.PingsAsync(tenantId);
        var ackedPings = pings.Acknowledged().ToList();
        var refusedPings = pings.Refused.ToList();

        var lost = acknowledged.Where(w => !found.Contains(w.Marker)).Select(w => $"{w.Kind} {w.Marker} ({w.Key})")
            .Concat(ackedPings.Where(p => !storedPings.Contains((p.Technician.Id, p.Time.ToUnixTimeMilliseconds()))).Select(p => $"ping {p.Technician.Id} at {p.Time:O}"))
            .ToList();
        var phantom = refused.Where(w => found.Contains(w.Marker)).Select(w => $"{w.Kind} {w.Marker}")
            .Concat(refusedPings.Where(p => storedPings.Contains((p.Technician.Id, p.Time.ToUnixTimeMilliseconds()))).Select(p => $"ping {p.Technician.Id} at {p.Time:O}"))
            .ToList();
        return new ChaosTally(acknowledged.Count + ackedPings.Count, refused.Count + refusedPings.Count, lost, phantom);
    }

    private TimeSpan Between(int fromMilliseconds, int toMilliseconds) => TimeSpan.FromMilliseconds(_random.Next(fromMilliseconds, toMilliseconds));
}
