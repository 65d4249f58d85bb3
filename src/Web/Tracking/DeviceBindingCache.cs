using System.Collections.Concurrent;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking;

/// <summary>
/// This node's memory of which technician each device token belongs to, so a ping costs no call to the token's
/// grain. Safe to keep without invalidation: a token's binding (tenant, technician, device) never changes once made;
/// only revocation does, and the technician grain is its authority (it refuses pings from a device it does not hold
/// active, on every node, from the moment of revocation). Revocations learnt here, from the token's grain or from a
/// technician's refusal, are remembered too: revocation is for good, and a revoked phone keeps posting. Unknown
/// tokens are never remembered, so guessing cannot fill the cache.
/// <para>
/// Bounded: two generations of at most <see cref="Capacity"/>/2 entries each; when the current one is full it
/// becomes the previous one and the old previous one is dropped, so tokens in use stay (a hit in the previous
/// generation moves up) and idle ones age out. Thread-safe; a race at a generation change only costs a lookup.
/// </para>
/// </summary>
public sealed class DeviceBindingCache(IClusterClient grains)
{
    public const int Capacity = 200_000;

    // A revoked token's entry: its binding no longer counts.
    private static readonly KnownDevice Revoked = new(new DeviceBinding("", "", "", "", default), null!);

    private ConcurrentDictionary<TokenHash, KnownDevice> _current = new();
    private ConcurrentDictionary<TokenHash, KnownDevice> _previous = new();

    /// <summary>The device of the token whose SHA-256 is <paramref name="tokenHash"/>; null when it is unknown or known to be revoked.</summary>
    public ValueTask<KnownDevice?> ResolveAsync(TokenHash tokenHash)
    {
        if (TryGet(tokenHash, out var known)) return ValueTask.FromResult(ReferenceEquals(known, Revoked) ? null : known);
        return new ValueTask<KnownDevice?>(LookUpAsync(tokenHash));
    }

    /// <summary>A technician refused this token's device: it is revoked, from now on refused here without asking.</summary>
    public void MarkRevoked(TokenHash tokenHash) => Remember(tokenHash, Revoked);

    private async Task<KnownDevice?> LookUpAsync(TokenHash tokenHash)
    {
        // The grain answers null for a revoked token as well as an unknown one; only a binding is worth remembering.
        var binding = await grains.GetGrain<IDeviceTokenGrain>(tokenHash.ToHex()).ResolveAsync();
        if (binding is null) return null;
        var key = TenantKeys.For(binding.TenantId, binding.TechnicianId);
        var known = new KnownDevice(binding, grains.GetGrain<ITechnicianGrain>(key));
        Remember(tokenHash, known);
        return known;
    }

    private bool TryGet(TokenHash tokenHash, out KnownDevice known)
    {
        if (_current.TryGetValue(tokenHash, out known!)) return true;
        if (!_previous.TryGetValue(tokenHash, out known!)) return false;
        Remember(tokenHash, known);
        return true;
    }

    private void Remember(TokenHash tokenHash, KnownDevice known)
    {
        var current = _current;
        if (current.Count >= Capacity / 2)
        {
            _previous = current;
            _current = current = new ConcurrentDictionary<TokenHash, KnownDevice>();
        }

        // A revocation is never overwritten by a binding read before it.
        current.AddOrUpdate(tokenHash, known, (_, held) => ReferenceEquals(held, Revoked) ? held : known);
    }
}

/// <summary>A device token's binding as this node knows it, with its technician's grain reference ready to call.</summary>
public sealed class KnownDevice(DeviceBinding binding, ITechnicianGrain technician)
{
    public DeviceBinding Binding { get; } = binding;

    public ITechnicianGrain Technician { get; } = technician;
}
