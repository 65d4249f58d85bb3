using System.Threading.RateLimiting;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tracking;

/// <summary>
/// The path every ping takes after its wire format is read: validate all fixes, resolve every device token (through
/// this node's <see cref="DeviceBindingCache"/>), and only then hand each technician its fixes with the devices they
/// came from. A batch with any invalid fix, or any token that is unknown or known to be revoked, stores nothing.
/// A device revoked since this node last heard of it is refused by its technician, which stores nothing of that
/// technician's share; in a batch naming several technicians the others' shares are stored (a replay of them later
/// is recognised as duplicates), and the answer is 401 all the same.
/// <para>
/// A batch is answered only once its pings are stored (the technician grain waits for the ping history's commit), so
/// the 200 a tracking app gets means the fix is durable; while the database is down the answer is 503 and the app
/// keeps the fix. At most <see cref="MaxPingsInFlight"/> pings are being handed to technicians at once on a node, most
/// of them waiting for a commit, which costs no thread; up to <see cref="MaxPingsWaiting"/> more wait their turn here,
/// in arrival order, and beyond that a batch is refused with 503 at once. Without the first bound a burst of batches
/// turns into tens of thousands of queued grain calls, and everything else on the node (the live map's sends, the
/// streams' deliveries, timers) waits behind them in the thread pool; without the second, a database that cannot keep
/// up would grow the wait without end. Their received time is taken before the wait, so a wait here shows in how late
/// positions reach the map.
/// </para>
/// </summary>
public sealed class PingIngestion(DeviceBindingCache devices, DomainClock clock)
{
    // Group commit needs many pings in flight: each waits about one commit, so a node takes about this many pings per
    // commit time (20,000 per 100 ms is 200,000 pings/s).
    public const int MaxPingsInFlight = 20_000;

    public const int MaxPingsWaiting = 50_000;

    private readonly ConcurrencyLimiter _inFlight = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = MaxPingsInFlight,
        QueueLimit = MaxPingsWaiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task<IngestionOutcome> IngestAsync(IReadOnlyList<DevicePing> pings, CancellationToken cancellationToken = default)
    {
        var receivedAt = clock.GetUtcNow();
        var errors = Validate(pings, receivedAt);
        if (errors is not null) return IngestionOutcome.Invalid(errors);
        if (pings.Count == 0) return IngestionOutcome.Stored(new PingBatchResult(0, 0, 0, 0));

        using var turn = await _inFlight.AcquireAsync(Math.Min(pings.Count, MaxPingsInFlight), cancellationToken);
        if (!turn.IsAcquired) throw new StorageUnavailableException("This node is taking as many pings as it can; send them again later.");

        // Apps send one device's fixes; integrations send many devices' in one batch. Group by token, then technician.
        var byToken = new Dictionary<string, List<GpsFix>>(StringComparer.Ordinal);
        foreach (var ping in pings)
        {
            if (!byToken.TryGetValue(ping.DeviceToken, out var fixes)) byToken[ping.DeviceToken] = fixes = [];
            fixes.Add(ping.Fix);
        }

        // Every lookup the cache cannot answer starts at once; then each is awaited in turn.
        var lookups = new List<(TokenHash Hash, ValueTask<KnownDevice?> Device, List<GpsFix> Fixes)>(byToken.Count);
        foreach (var (token, fixes) in byToken)
        {
            var hash = TokenHash.Of(token);
            lookups.Add((hash, devices.ResolveAsync(hash), fixes));
        }

        // One technician may have several devices: merge their fixes so the grain sees one batch.
        var byTechnician = new Dictionary<ITechnicianGrain, Share>(lookups.Count);
        var unknown = false;
        foreach (var (hash, lookup, fixes) in lookups)
        {
            var device = await lookup;
            unknown |= device is null;
            if (device is null) continue;
            if (byTechnician.TryGetValue(device.Technician, out var share)) share.Add(device.Binding.DeviceId, hash, fixes);
            else byTechnician[device.Technician] = new Share(device.Binding.DeviceId, hash, fixes);
        }

        if (unknown) return IngestionOutcome.Unauthorized;

        var results = await Task.WhenAll(byTechnician.Select(s => RecordAsync(s.Key, s.Value, receivedAt)));
        int accepted = 0, duplicates = 0, outOfOrder = 0, outliers = 0;
        var refused = false;
        foreach (var result in results)
        {
            if (result is null)
            {
                refused = true;
                continue;
            }

            (accepted, duplicates, outOfOrder, outliers) = (accepted + result.Accepted, duplicates + result.Duplicates, outOfOrder + result.OutOfOrder, outliers + result.Outliers);
        }

        return refused ? IngestionOutcome.Unauthorized : IngestionOutcome.Stored(new PingBatchResult(accepted, duplicates, outOfOrder, outliers));
    }

    private async Task<PingBatchResult?> RecordAsync(ITechnicianGrain technician, Share share, DateTimeOffset receivedAt)
    {
        var result = await technician.RecordPingsAsync(new TechnicianPings(share.DeviceIds, share.Fixes, receivedAt));
        // Refused: the device is revoked. With several devices in the share we cannot tell which, so none is remembered.
        if (result is null && share.TokenHashes.Count == 1) devices.MarkRevoked(share.TokenHashes[0]);
        return result;
    }

    private static Dictionary<string, string[]>? Validate(IReadOnlyList<DevicePing> pings, DateTimeOffset receivedAt)
    {
        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < pings.Count; i++)
        {
            if (PingValidator.IsValid(pings[i].Fix, receivedAt)) continue;
            foreach (var (field, message) in PingValidator.Validate(pings[i].Fix, receivedAt))
            {
                errors ??= [];
                var key = pings.Count == 1 ? field : $"pings[{i}].{field}";
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
            }
        }

        return errors;
    }

    /// <summary>One technician's part of a batch: usually one device, rarely several (a phone and a tracker).</summary>
    private sealed class Share(string deviceId, TokenHash tokenHash, List<GpsFix> fixes)
    {
        public List<string> DeviceIds { get; } = [deviceId];

        public List<TokenHash> TokenHashes { get; } = [tokenHash];

        public List<GpsFix> Fixes { get; } = fixes;

        public void Add(string deviceId, TokenHash tokenHash, List<GpsFix> more)
        {
            if (!DeviceIds.Contains(deviceId)) DeviceIds.Add(deviceId);
            TokenHashes.Add(tokenHash);
            Fixes.AddRange(more);
        }
    }
}

/// <summary>Stored (with counts), invalid (field errors, nothing stored) or unauthorized (an unknown or revoked token, nothing stored).</summary>
public sealed record IngestionOutcome(PingBatchResult? Result, IDictionary<string, string[]>? Errors, bool IsUnauthorized)
{
    public static readonly IngestionOutcome Unauthorized = new(null, null, true);

    public static IngestionOutcome Stored(PingBatchResult result) => new(result, null, false);

    public static IngestionOutcome Invalid(IDictionary<string, string[]> errors) => new(null, errors, false);
}
