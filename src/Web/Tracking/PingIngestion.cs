using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Tracking.Protocols;

namespace OrleansPortal.Web.Tracking;

/// <summary>
/// The path every ping takes after its wire format is read: validate all fixes, resolve every device token,
/// and only then hand each technician its fixes. A batch with any invalid fix or unknown token stores nothing.
/// </summary>
public sealed class PingIngestion(IClusterClient grains, DomainClock clock)
{
    public async Task<IngestionOutcome> IngestAsync(IReadOnlyList<DevicePing> pings)
    {
        var receivedAt = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < pings.Count; i++)
        {
            foreach (var (field, message) in PingValidator.Validate(pings[i].Fix, receivedAt))
            {
                var key = pings.Count == 1 ? field : $"pings[{i}].{field}";
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
            }
        }

        if (errors.Count > 0) return IngestionOutcome.Invalid(errors);
        if (pings.Count == 0) return IngestionOutcome.Stored(new PingBatchResult(0, 0, 0, 0));

        var byToken = new Dictionary<string, List<GpsFix>>(StringComparer.Ordinal);
        foreach (var ping in pings)
        {
            if (!byToken.TryGetValue(ping.DeviceToken, out var fixes)) byToken[ping.DeviceToken] = fixes = [];
            fixes.Add(ping.Fix);
        }

        var bindings = await Task.WhenAll(byToken.Keys.Select(token => grains.GetGrain<IDeviceTokenGrain>(DeviceToken.Hash(token)).ResolveAsync()));
        if (bindings.Any(b => b is null)) return IngestionOutcome.Unauthorized;

        // One technician may have several devices: merge their fixes so the grain sees one batch.
        var byTechnician = byToken.Values.Zip(bindings, (fixes, binding) => (Key: TenantKeys.For(binding!.TenantId, binding.TechnicianId), fixes))
            .GroupBy(x => x.Key, x => x.fixes);
        var results = await Task.WhenAll(byTechnician.Select(g =>
            grains.GetGrain<ITechnicianGrain>(g.Key).RecordPingsAsync(g.Count() == 1 ? g.First() : [.. g.SelectMany(f => f)], receivedAt)));
        return IngestionOutcome.Stored(new PingBatchResult(
            results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates), results.Sum(r => r.OutOfOrder), results.Sum(r => r.Outliers)));
    }
}

/// <summary>Stored (with counts), invalid (field errors, nothing stored) or unauthorized (an unknown or revoked token, nothing stored).</summary>
public sealed record IngestionOutcome(PingBatchResult? Result, IDictionary<string, string[]>? Errors, bool IsUnauthorized)
{
    public static readonly IngestionOutcome Unauthorized = new(null, null, true);

    public static IngestionOutcome Stored(PingBatchResult result) => new(result, null, false);

    public static IngestionOutcome Invalid(IDictionary<string, string[]> errors) => new(null, errors, false);
}
