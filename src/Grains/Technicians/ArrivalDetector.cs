using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// Geofenced arrival and departure at a job site, from fixes in time order. Arrived: within <see cref="ArriveRadiusMeters"/>
/// continuously for <see cref="Dwell"/>. Departed (only after arriving): beyond <see cref="LeaveRadiusMeters"/>
/// continuously for <see cref="Dwell"/>. The two radii differ so GPS jitter at the edge cannot flap. Pure.
/// </summary>
public sealed class ArrivalDetector(GeoPoint site, bool arrived)
{
    public const double ArriveRadiusMeters = 100;
    public const double LeaveRadiusMeters = 150;
    public static readonly TimeSpan Dwell = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _since;

    public bool HasArrived { get; private set; } = arrived;

    /// <summary>The event this fix completes, if any; each fires once.</summary>
    public GeofenceEvent? Observe(GpsFix fix)
    {
        var distance = site.DistanceMetersTo(new GeoPoint(fix.Latitude, fix.Longitude));
        var counting = HasArrived ? distance > LeaveRadiusMeters : distance <= ArriveRadiusMeters;
        if (!counting)
        {
            _since = null;
            return null;
        }

        _since ??= fix.Time;
        if (fix.Time - _since < Dwell) return null;
        _since = null;
        HasArrived = !HasArrived;
        return HasArrived ? GeofenceEvent.Arrived : GeofenceEvent.Departed;
    }
}

[GenerateSerializer, Alias("op.GeofenceEvent")]
public enum GeofenceEvent
{
    Arrived,
    Departed,
}
