using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>The job a technician is driving to or working at, whose site the geofence watches.</summary>
[GenerateSerializer, Immutable, Alias("op.CurrentJob")]
public sealed record CurrentJob(string TicketId, GeoPoint Site, bool OnSite);
