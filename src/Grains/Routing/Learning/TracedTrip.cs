using OrleansPortal.Grains.Routing.Matching;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>One vehicle's drive as GPS fixes in time order: a taxi trip from a Porto-format file, or a technician's day from ping history.</summary>
public sealed record TracedTrip(string Id, string VehicleId, IReadOnlyList<GpsFix> Fixes)
{
    public DateTimeOffset Start => Fixes.Count > 0 ? Fixes[0].At : DateTimeOffset.MinValue;
}
